/**
 * Builds the Teams app package: the manifest with this tenant's ids filled in, its
 * localisation files and the two icons, all checked, zipped flat (Teams wants every file at
 * the root of the zip).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { iconProblems, type IconKind } from './icon-rules';
import { localizationProblems, manifestProblems } from './manifest-schema';
import { fillPlaceholders } from './manifest-template';
import { PackagingError, packageValuesFrom, type Environment } from './package-values';

export interface BuildOptions {
  env: Environment;
  /** Folder with manifest.json, its localisation files and icons. */
  manifestDir: string;
  outFile: string;
  /** Manifest version when TEAMS_APP_VERSION is not set (the project's version). */
  defaultVersion: string;
}

interface ManifestFiles {
  icons: Record<IconKind, string>;
  localizationInfo?: { additionalLanguages?: { file: string }[] };
}

/** Writes the zip and returns the names of the files in it. */
export function buildAppPackage(options: BuildOptions): string[] {
  const values = packageValuesFrom(options.env, options.defaultVersion);
  const read = (name: string) => readFileSync(path.join(options.manifestDir, name));
  const readJson = (name: string): unknown => JSON.parse(read(name).toString('utf8'));

  const manifest = fillPlaceholders(readJson('manifest.json'), values);
  const problems = manifestProblems(manifest).map((p) => `manifest.json ${p}`);
  const files = manifest as ManifestFiles;

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));

  for (const { file } of files.localizationInfo?.additionalLanguages ?? []) {
    const localization = fillPlaceholders(readJson(file), values);
    problems.push(...localizationProblems(localization).map((p) => `${file} ${p}`));
    zip.addFile(file, Buffer.from(JSON.stringify(localization, null, 2) + '\n'));
  }

  for (const kind of ['color', 'outline'] as const) {
    const file = files.icons[kind];
    const bytes = read(file);
    problems.push(...iconProblems(kind, file, bytes));
    zip.addFile(file, bytes);
  }

  if (problems.length > 0) throw new PackagingError(problems, 'Das Teams-App-Paket ist ungültig');
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  zip.writeZip(options.outFile);
  return zip.getEntries().map((entry) => entry.entryName);
}
