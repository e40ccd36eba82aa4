/**
 * Text that people typed (questions, names, answers from lotsen) shown in a TextBlock or
 * FactSet, which render Markdown: escaped, so `**`, `[x](url)`, `# `, `- ` or `<b>` show
 * as typed instead of bolding, linking or breaking the card. Never for Input values —
 * an input shows its value as plain text, a backslash there would be a visible change.
 */

/** Characters that start Markdown wherever they stand. */
const INLINE = /[\\`*_~[\]<>#|&]/g;
/** Characters that start a block (list, heading, rule) only at the beginning of a line. */
const LINE_START = /^([ \t]*)([-+=]|\d+[.)])/gm;
/** Indentation would turn a line into a code block; a no-break space does not. */
const INDENT = /^[ \t]+/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (character) => `\\${character}`)
    .replace(LINE_START, (_match, indent: string, marker: string) =>
      /^\d/.test(marker)
        ? `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}`
        : `${indent}\\${marker}`,
    )
    .replace(INDENT, (indent) => '\u00a0'.repeat(indent.length));
}
