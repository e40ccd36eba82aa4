/**
 * `npm run acceptance`: end-to-end checks against ../shared (teams-sim, the reference
 * knowledge base and questions, the shared organisation). Each check lives in
 * tests/acceptance/checks/ and exports `check`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedAvailable, sharedDir, type AcceptanceCheck } from './context';

async function main(filter: string | undefined): Promise<number> {
  if (!sharedAvailable()) {
    process.stderr.write(
      `../shared fehlt (${sharedDir}): die Abnahmetests brauchen teams-sim und die Referenzdaten.\n`,
    );
    return 1;
  }
  const dir = join(__dirname, 'checks');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- checks are discovered by file name
    const { check } = require(join(dir, file)) as { check: AcceptanceCheck };
    if (filter && !check.name.includes(filter)) continue;
    const started = Date.now();
    process.stdout.write(`▶ ${check.name}\n`);
    try {
      await check.run((line) => process.stdout.write(`    ${line}\n`));
      passed += 1;
      process.stdout.write(`✔ ${check.name} (${Date.now() - started} ms)\n`);
    } catch (error) {
      failed += 1;
      process.stdout.write(
        `✘ ${check.name}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
