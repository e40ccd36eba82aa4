/**
 * The units field of the audience pickers (announcements, courses): a filtered multi-select
 * of the directory's units, or typed names where the directory cannot be read.
 */

/**
 * A unit name as one value of a units field. Teams joins the picks of a multi-select
 * with commas, and unit names may hold commas ("Amt für Umwelt, Klima und Energie").
 */
export function unitValue(name: string): string {
  return name.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

/** The unit names of a units field, picked or typed. */
export function splitUnits(units: string): string[] {
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < units.length; i++) {
    const char = units[i] as string;
    if (char === '\\' && i + 1 < units.length) current += units[++i];
    else if (char === ',') {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  return names.map((name) => name.trim()).filter((name) => name !== '');
}
