/**
 * Checks a rendered card the way Teams and a screen reader would meet it, without a browser:
 * size, schema version, language, alternative texts, action titles, links, colour.
 * Each check returns readable problems (empty when the card is fine).
 */
import type { CardAttachment, Language } from '../../cards';

// The package's ESM entry does not load under CommonJS; its UMD bundle is the same library.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Older Teams clients refuse messages above 40 KB (28 KB is the old safe size). */
export const MAX_CARD_BYTES = 40 * 1024;

export function cardBytes(card: CardAttachment): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Template syntax that the templating engine should have expanded or removed. */
export function templateResidue(content: Record<string, unknown>): string[] {
  const json = JSON.stringify(content);
  return ['${', '"$when"', '"$data"']
    .filter((marker) => json.includes(marker))
    .map((marker) => `unexpanded template syntax ${marker}`);
}

/**
 * Features newer than the card's declared `version`, found by the official library: it
 * parses the card once for its declared version and once for the newest one it knows;
 * whatever only the first parse complains about needs a newer version.
 */
export function versionProblems(content: Record<string, unknown>): string[] {
  const declared = typeof content.version === 'string' ? content.version : '';
  const target = AC.Version.parse(declared, new AC.SerializationContext());
  if (!target?.isValid) return [`invalid card version "${declared}"`];
  // `lang` is cardProblems' business; leaving it out avoids the library's stateful lang regex.
  const { lang: _lang, ...rest } = content;
  const parseMessages = (version: InstanceType<typeof AC.Version>): string[] => {
    const context = new AC.SerializationContext(version);
    new AC.AdaptiveCard().parse({ ...rest, version: version.toString() }, context);
    return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  };
  const newest = new Set(parseMessages(AC.Versions.latest));
  return parseMessages(target)
    .filter((message) => !newest.has(message))
    .map((message) => `above version ${declared}: ${message}`);
}

const pathTo = (path: string, key: string): string => (path ? `${path}.${key}` : key);

interface CardNode {
  path: string;
  node: Record<string, unknown>;
}

/** Every object of the card with its JSON path; action `data` is payload, not card. */
function cardNodes(content: Record<string, unknown>): CardNode[] {
  const nodes: CardNode[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    nodes.push({ path, node });
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'data') walk(child, pathTo(path, key));
    }
  };
  walk(content, '');
  return nodes;
}

const letter = /\p{L}/u;
/** Titles that say nothing about what the button does. */
const vagueTitles = new Set([
  'hier',
  'hier klicken',
  'klicken',
  'link',
  'mehr',
  'click',
  'click here',
  'here',
  'more',
  'button',
]);
/** Colours and container styles that signal a state (success, problem, warning). */
const stateColours = new Set(['good', 'attention', 'warning']);
const textTypes = new Set(['TextBlock', 'RichTextBlock', 'FactSet']);

/** The words a TextBlock, RichTextBlock (its runs) or FactSet shows. */
function textOf(node: Record<string, unknown>): string {
  const parts = (items: unknown, keys: string[]): string =>
    Array.isArray(items)
      ? items
          .flatMap((item) =>
            typeof item === 'string'
              ? [item]
              : keys.map((key) => (item as Record<string, unknown>)[key]),
          )
          .filter((part) => typeof part === 'string')
          .join(' ')
      : '';
  if (typeof node.text === 'string') return node.text;
  return `${parts(node.inlines, ['text'])} ${parts(node.facts, ['title', 'value'])}`;
}

function hasReadableText(nodes: CardNode[], under: string): boolean {
  return nodes.some(
    ({ path, node }) =>
      path.startsWith(pathTo(under, '')) &&
      typeof node.type === 'string' &&
      textTypes.has(node.type) &&
      letter.test(textOf(node)),
  );
}

/**
 * What a person using a screen reader, high contrast or no colour vision needs: the card's
 * language, alternative texts, labelled inputs, action titles that say what happens, https
 * links, and no state that only a colour shows.
 */
export function accessibilityProblems(
  content: Record<string, unknown>,
  language: Language,
): string[] {
  const problems: string[] = [];
  if (content.lang !== language) problems.push(`lang is ${String(content.lang)}, not ${language}`);
  const nodes = cardNodes(content);
  for (const { path, node } of nodes) {
    const type = typeof node.type === 'string' ? node.type : '';
    if ((type === 'Image' || type === 'Media') && !String(node.altText ?? '').trim()) {
      problems.push(`${path}: ${type} without altText`);
    }
    if (type.startsWith('Input.') && !String(node.label ?? '').trim()) {
      problems.push(`${path}: ${type} without label`);
    }
    if (type.startsWith('Action.')) {
      const title = typeof node.title === 'string' ? node.title.trim() : '';
      if (!title) problems.push(`${path}: ${type} without title`);
      else if (!letter.test(title)) problems.push(`${path}: title "${title}" has no words`);
      else if (vagueTitles.has(title.toLowerCase()))
        problems.push(`${path}: vague title "${title}"`);
      if (type === 'Action.OpenUrl' && !String(node.url ?? '').startsWith('https://')) {
        problems.push(`${path}: Action.OpenUrl to a non-https url ${String(node.url)}`);
      }
    }
    if (Array.isArray(node.actions)) {
      const titles = node.actions.map((a) => (a as { title?: unknown }).title);
      const repeated = titles.filter((t, i) => typeof t === 'string' && titles.indexOf(t) !== i);
      for (const title of new Set(repeated)) {
        problems.push(`${pathTo(path, 'actions')}: "${String(title)}" twice`);
      }
    }
    const colour = typeof node.color === 'string' ? node.color.toLowerCase() : '';
    if (stateColours.has(colour) && !letter.test(textOf(node))) {
      problems.push(`${path}: colour ${String(node.color)} on text without words`);
    }
    const style = typeof node.style === 'string' ? node.style.toLowerCase() : '';
    if (stateColours.has(style) && !type.startsWith('Action.') && !hasReadableText(nodes, path)) {
      problems.push(`${path}: ${type} styled ${String(node.style)} without text saying so`);
    }
  }
  return problems;
}
