/**
 * Offline validation against Microsoft's Teams app manifest schemas. The schemas come from
 * the npm package @microsoft/app-manifest (the Microsoft 365 Agents Toolkit's manifest
 * library), which ships every published version as JSON; no network is needed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The manifest schema version of deployment/manifest/manifest.json. */
export const MANIFEST_VERSION = '1.22';

type SchemaKind = 'manifest' | 'localization';

const schemaFiles: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

function schemaPath(version: string, kind: SchemaKind): string {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(root, 'build', 'json-schemas', 'teams', `v${version}`, schemaFiles[kind]);
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string, kind: SchemaKind): ValidateFunction {
  const key = `${version}/${kind}`;
  let validate = compiled.get(key);
  if (!validate) {
    // The schemas are draft-04; some of their patterns are not valid unicode regular
    // expressions (e.g. `\b]` in the localisation schema), hence unicodeRegExp off.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(version, kind), 'utf8')));
    compiled.set(key, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(Wurzel)' : error.instancePath;
    const detail =
      error.keyword === 'additionalProperties' ? ` (${JSON.stringify(error.params)})` : '';
    return `${where}: ${error.message ?? error.keyword}${detail}`;
  });
}

/** Schema violations of a filled manifest; empty when it is valid. */
export function manifestProblems(manifest: unknown, version = MANIFEST_VERSION): string[] {
  const validate = validatorFor(version, 'manifest');
  return validate(manifest) ? [] : describe(validate.errors);
}

/** Schema violations of a localisation file (e.g. en.json); empty when it is valid. */
export function localizationProblems(file: unknown, version = MANIFEST_VERSION): string[] {
  const validate = validatorFor(version, 'localization');
  return validate(file) ? [] : describe(validate.errors);
}
