/** `lotse kb gaps`: what went unanswered or got 👎, by topic and unit — for the organisers. */
import { buildKnowledgeIndex, KnowledgeRepository } from '../../services/knowledge';
import { groupGaps, QuestionLog } from '../../services/questions';
import type { CliIo } from './command';
import { withConfiguredStore } from './configured-store';
import { parseDuration, parseOptions } from './options';

export const KB_GAPS_USAGE = `  gaps [--since 30d] [--json]
       Unbeantwortete und mit 👎 bewertete Fragen, nach Thema und Bereich gruppiert`;

const NO_TOPIC = 'ohne Thema';

export async function gapsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(
    args,
    { since: { type: 'string', default: '30d' }, json: { type: 'boolean' } },
    KB_GAPS_USAGE,
  );
  const sinceMs = parseDuration(String(values.since));
  const { gaps, entries, now } = await withConfiguredStore(async (store, clock) => {
    const now = clock.now();
    return {
      now,
      gaps: await new QuestionLog(store, clock).gapsSince(new Date(now.getTime() - sinceMs)),
      entries: await new KnowledgeRepository(store, clock).loadAll(),
    };
  });
  const index = buildKnowledgeIndex(entries);
  // The nearest entry names the topic even when it was too weak to answer with.
  const topicOf = (text: string) => index.search(text).hits[0]?.entry.metadata.topic ?? NO_TOPIC;
  const topics = groupGaps(gaps, topicOf);
  if (values.json === true) {
    for (const topic of topics) io.stdout(JSON.stringify(topic));
    return 0;
  }
  io.stdout(
    `Wissenslücken seit ${new Date(now.getTime() - sinceMs).toLocaleDateString('de-DE')}: ${gaps.length}`,
  );
  for (const topic of topics) {
    const units = Object.entries(topic.units)
      .sort(([, a], [, b]) => b - a)
      .map(([unit, count]) => `${unit}: ${count}`)
      .join(', ');
    io.stdout(`\n${topic.topic} – ${topic.count}\n  Bereiche: ${units}`);
    for (const example of topic.examples) io.stdout(`  „${example}“`);
  }
  return 0;
}
