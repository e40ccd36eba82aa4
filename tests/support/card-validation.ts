/**
 * Parses a card with the official `adaptivecards` renderer library and returns every
 * parse and validation problem it reports (unknown elements, missing ids, missing urls…).
 */
// The package's ESM entry uses extensionless imports that Node cannot resolve; its UMD
// bundle is the same library and loads under CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

// The library checks `lang` with a global (/g) regular expression, whose `lastIndex`
// survives between cards and makes every second valid card fail; reset it per parse.
const langPattern = (AC.CardElement as unknown as { langProperty: { regEx?: RegExp } }).langProperty
  .regEx;

export function cardProblems(content: Record<string, unknown>): string[] {
  if (langPattern) langPattern.lastIndex = 0;
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  if (content.version !== '1.5') problems.push(`version ${String(content.version)} instead of 1.5`);
  if (content.lang !== 'de' && content.lang !== 'en') problems.push('lang missing');
  return problems;
}

/** All text a person would read on the card (TextBlocks, facts, action titles). */
export function visibleText(content: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'altText', 'placeholder', 'label']) {
      if (typeof record[key] === 'string') parts.push(record[key] as string);
    }
    Object.entries(record)
      .filter(([key]) => key !== 'data')
      .forEach(([, value]) => walk(value));
  };
  walk(content);
  return parts.join('\n');
}
