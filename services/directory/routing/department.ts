// German lower-casing goes through ICU and costs microseconds; an organisation has few
// distinct department strings, so their keys are remembered (bounded, in case of churn).
const keys = new Map<string, string | null>();
const MAX_REMEMBERED = 50_000;

/**
 * R2's normalisation of a department: Unicode NFC, trim, inner whitespace collapsed to one
 * space, German lower case — and nothing more, so "Abt. 5.3" stays different from
 * "Abteilung 5.3". Whitespace is JavaScript's `\s` (tab and U+00A0 included).
 * Returns null for "no department" (null, empty or whitespace only): it never matches.
 */
export function departmentKey(department: string | null | undefined): string | null {
  if (department == null) return null;
  let key = keys.get(department);
  if (key === undefined) {
    const normalised = department
      .normalize('NFC')
      .trim()
      .replace(/\s+/g, ' ')
      .toLocaleLowerCase('de-DE');
    key = normalised === '' ? null : normalised;
    if (keys.size >= MAX_REMEMBERED) keys.clear();
    keys.set(department, key);
  }
  return key;
}
