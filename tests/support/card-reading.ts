/** Reading the cards a bot sent: the card of an activity and the data its buttons submit. */
import { visibleText } from './card-validation';

type ActivityLike = Record<string, unknown> | undefined;

/** The Adaptive Card content of an activity; fails the test when there is none. */
export function cardOf(activity: ActivityLike): Record<string, unknown> {
  const content = (
    activity?.attachments as Array<{ content: Record<string, unknown> }> | undefined
  )?.[0]?.content;
  if (!content) throw new Error(`no card in ${JSON.stringify(activity)}`);
  return content;
}

/** The data the first card button with this verb submits (buttons and selectActions alike). */
export function submitData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const data = (node as { data?: { verb?: string } }).data;
      if (data?.verb === verb) found.push(data as Record<string, unknown>);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  if (!found[0]) throw new Error(`no ${verb} button on ${visibleText(card)}`);
  return found[0];
}
