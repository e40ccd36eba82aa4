import { join, relative } from 'node:path';
import { runJourneys } from '../../e2e/journeys';
import { repoRoot, type AcceptanceCheck } from '../context';

export const check: AcceptanceCheck = {
  name: 'browser: a person in the Agents Playground (npm start)',
  async run(log) {
    const screenshotDir = join(repoRoot, 'test-results', 'e2e');
    const steps = await runJourneys(screenshotDir, log);
    log(`${steps.length} steps, screenshots in ${relative(repoRoot, screenshotDir)}`);
  },
};
