import { PackagingError, type PackageValues } from './package-values';

const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/**
 * Fills every `{{NAME}}` in the string values of a manifest (or localisation file).
 * Works on the parsed JSON, not its text, so a value can never break the JSON around it.
 * A placeholder without a value is an error: a half-filled package must not be built.
 */
export function fillPlaceholders<T>(template: T, values: PackageValues): T {
  const unknown = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (match, name: string) => {
        const value = values[name];
        if (value === undefined) unknown.add(name);
        return value ?? match;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  const filled = fill(template) as T;
  if (unknown.size > 0) {
    throw new PackagingError(
      [...unknown].map((name) => `{{${name}}}: kein Wert für diesen Platzhalter im Manifest`),
    );
  }
  return filled;
}
