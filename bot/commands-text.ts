/**
 * Folds a chat message for command matching: lower case, no bot mention, no surrounding
 * punctuation, single spaces. "  Hilfe! " and "<at>Digitallotse</at> hilfe" both give "hilfe".
 */
export function normaliseCommand(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .toLocaleLowerCase('de-DE')
    .replace(/\s+/g, ' ')
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
}
