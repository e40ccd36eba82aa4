/**
 * `npm run package [-- --out <datei.zip>]`: builds deployment/build/digitallotse.zip from
 * deployment/manifest/ with MicrosoftAppId, BOT_DOMAIN and TEAMS_APP_ID from the environment.
 */
import path from 'node:path';
import { version as projectVersion } from '../../package.json';
import { buildAppPackage } from './build-package';
import { PackagingError, defaultedLinks } from './package-values';

const deploymentDir = path.join(__dirname, '..');

function outFileFrom(argv: string[]): string {
  const at = argv.indexOf('--out');
  if (at === -1) return path.join(deploymentDir, 'build', 'digitallotse.zip');
  const file = argv[at + 1];
  if (!file) throw new PackagingError(['--out: Dateiname fehlt'], 'Falscher Aufruf');
  return path.resolve(file);
}

function main(): number {
  try {
    const outFile = outFileFrom(process.argv.slice(2));
    const entries = buildAppPackage({
      env: process.env,
      manifestDir: path.join(deploymentDir, 'manifest'),
      outFile,
      defaultVersion: projectVersion,
    });
    process.stdout.write(`Teams-App-Paket geschrieben: ${outFile}\n  ${entries.join(', ')}\n`);
    const links = defaultedLinks(process.env);
    if (links.length > 0) {
      process.stdout.write(
        `Hinweis: ${links.join(', ')} nicht gesetzt – die Links im App-Steckbrief zeigen auf ` +
          `https://${process.env.BOT_DOMAIN?.trim()}/. Besser: Impressum/Datenschutzerklärung im Intranet.\n`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof PackagingError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

process.exitCode = main();
