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

/** The segments of a normalised department path: "fb 2 / abt. 2.1" → ["fb 2", "abt. 2.1"]. */
function segmentsOf(key: string): string[] {
  return key.split(/ ?\/ ?/);
}

/**
 * A unit includes the units below it: departments are written as paths ("Fachbereich 2 … /
 * Abteilung 2.1 …"), and what is meant for the Fachbereich is meant for all of it. Compared
 * like {@link departmentKey}; routing itself (R2) keeps to the exact department.
 */
export function isWithinUnit(department: string | null | undefined, unit: string): boolean {
  const key = departmentKey(department);
  const unitKey = departmentKey(unit);
  if (key === null || unitKey === null) return false;
  const path = segmentsOf(key);
  const unitPath = segmentsOf(unitKey);
  return unitPath.length <= path.length && unitPath.every((segment, i) => segment === path[i]);
}

/** A department and the units above it, outermost first, as written: "A / B" → "A", "A / B". */
export function unitAncestry(department: string): string[] {
  const segments = department
    .trim()
    .replace(/\s+/g, ' ')
    .split(/ ?\/ ?/)
    .filter((segment) => segment !== '');
  return segments.map((_, i) => segments.slice(0, i + 1).join(' / '));
}
