import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export const templatesDir = join(__dirname, '..', '..', 'cards', 'templates');

/**
 * Every template in `cards/templates/`, keyed by the very object the render functions
 * import (Node caches a JSON module once), so a render call tells which template it used.
 */
export function cardTemplates(dir: string = templatesDir): Map<object, string> {
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  return new Map(
    files.map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- templates are found by listing the folder
      const template = require(join(dir, file)) as object;
      return [template, basename(file, '.json')];
    }),
  );
}
