/**
 * `npx tsx tests/e2e/run.ts`: the browser journeys without ../shared (the acceptance check
 * 09-browser-journeys runs the same). Screenshots go to test-results/e2e/.
 */
import { join } from 'node:path';
import { runJourneys } from './journeys';

const screenshotDir = join(__dirname, '..', '..', 'test-results', 'e2e');

runJourneys(screenshotDir, (line) => process.stdout.write(`${line}\n`)).then(
  (steps) => {
    process.stdout.write(`${steps.length} Schritte, Bilder in ${screenshotDir}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
