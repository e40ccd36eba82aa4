/**
 * Text fields of QnA Maker TSV files write a newline as the two characters `\n` (and a tab
 * as `\t`). A backslash is written as `\\` only where it would otherwise be read as such an
 * escape, so ordinary text (paths like `C:\Users`) looks as in QnA Maker exports and every
 * string still survives the round trip.
 */

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };
const CODES: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r' };

export function escapeField(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const code = CODES[char];
    if (code) result += `\\${code}`;
    else if (char === '\\' && (text[i + 1] ?? '') in ESCAPES) result += '\\\\';
    else result += char;
  }
  return result;
}

export function unescapeField(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const decoded = char === '\\' ? ESCAPES[text[i + 1] ?? ''] : undefined;
    if (decoded !== undefined) {
      result += decoded;
      i++;
    } else {
      result += char;
    }
  }
  return result;
}
