import type { KnowledgeGap } from './model';

export interface GapTopic {
  topic: string;
  count: number;
  /** Per unit; unknown units under "unbekannt". */
  units: Record<string, number>;
  /** A few of the questions, most recent first. */
  examples: string[];
}

export const UNKNOWN_UNIT = 'unbekannt';

/**
 * Groups knowledge gaps into topics (given by `topicOf`, e.g. the topic of the nearest
 * knowledge-base entry) with counts per unit, largest topic first.
 */
export function groupGaps(
  gaps: readonly KnowledgeGap[],
  topicOf: (text: string) => string,
  examplesPerTopic = 3,
): GapTopic[] {
  const topics = new Map<string, GapTopic>();
  const newestFirst = [...gaps].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const gap of newestFirst) {
    const topic = topicOf(gap.text);
    const group = topics.get(topic) ?? { topic, count: 0, units: {}, examples: [] };
    group.count += 1;
    const unit = gap.unit ?? UNKNOWN_UNIT;
    group.units[unit] = (group.units[unit] ?? 0) + 1;
    if (group.examples.length < examplesPerTopic && !group.examples.includes(gap.text)) {
      group.examples.push(gap.text);
    }
    topics.set(topic, group);
  }
  return [...topics.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}
