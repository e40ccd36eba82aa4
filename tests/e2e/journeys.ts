/**
 * What a new employee does in the first minutes, in the browser: is greeted with their
 * lotse, asks for help, asks a question, says the answer did not help, hands the question
 * on and asks who their lotse is. A screenshot after every step.
 */
import { mkdirSync } from 'node:fs';
import { strings } from '../../cards';
import { launchChromium } from '../gallery/chromium';
import { join } from 'node:path';
import { repoRoot, startLocalChat } from './local-chat';
import { Playground } from './playground';

/** The Playground's default user, Alex Wilber, has this lotse in the demo organisation. */
export const DEMO_LOTSE = 'Megan Bowen';

export interface JourneyStep {
  name: string;
  screenshot: string;
}

const QUESTION = 'Wie ändere ich mein Passwort?';
const t = strings.de;

export async function runJourneys(
  screenshotDir: string,
  log: (line: string) => void = () => undefined,
): Promise<JourneyStep[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const steps: JourneyStep[] = [];
  const chat = await startLocalChat();
  const browser = await launchChromium();
  try {
    const playground = await Playground.open(browser, chat.chatUrl, screenshotDir);
    const step = async (name: string, walk: () => Promise<void>): Promise<void> => {
      try {
        await walk();
      } finally {
        // Also on failure: the picture shows what the person saw instead.
        steps.push({ name, screenshot: await playground.screenshot(name) });
      }
      log(`✓ ${name}`);
    };

    await step('01-welcome', async () => {
      const welcome = await playground.cardWith(t.welcomeTitle);
      await welcome.filter({ hasText: DEMO_LOTSE }).waitFor();
    });

    await step('02-help', async () => {
      await playground.expectNewCard(t.helpTitle, () => playground.say('hilfe'));
    });

    let answer = playground.cards();
    await step('03-answer', async () => {
      answer = await playground.expectNewCard(t.answerHelpful, () => playground.say(QUESTION));
      await answer.filter({ hasText: 'Passwort' }).waitFor();
    });

    await step('04-not-helpful', async () => {
      const before = await playground.cards().count();
      await playground.button(answer, t.voteDown).click();
      // The same card changes in place: thanks, and the vote named in words.
      await playground.button(answer, `${t.voteDown} ✓`).waitFor();
      await answer.filter({ hasText: t.voteThanksDown }).waitFor();
      const after = await playground.cards().count();
      if (after !== before) throw new Error(`feedback added a card (${before} → ${after})`);
    });

    await step('05-handoff', async () => {
      // The question becomes a request (ticket); its status card names who has it now.
      const request = await playground.expectNewCard(t.ticketYourRequest, () =>
        playground.button(answer, t.handoff).click(),
      );
      await request.filter({ hasText: QUESTION }).waitFor();
      log(`  Anfrage: ${(await request.innerText()).split('\n').filter(Boolean).join(' · ')}`);
    });

    await step('06-who-is-my-lotse', async () => {
      const lotse = await playground.expectNewCard(t.lotseTitle, () =>
        playground.say(t.commandLotse),
      );
      await lotse.filter({ hasText: DEMO_LOTSE }).waitFor();
      await playground.link(lotse, t.lotseChat).waitFor();
    });

    // An organiser imports the courses (a fresh local instance has none), then Alex
    // registers for the one open to everyone with one click.
    await step('07-courses', async () => {
      chat.importCourses(join(repoRoot, 'tests', 'fixtures', 'courses', 'courses-2098.csv'));
      await playground.expectNewCard(t.courseListTitle, () => playground.say(t.commandCourses));
    });

    await step('08-course-registered', async () => {
      const list = playground.cards().last();
      await list.filter({ hasText: 'Teams für Einsteiger' }).waitFor();
      await playground.expectNewCard(t.courseHeadRegistered, () =>
        playground.button(list, t.courseRegister).first().click(),
      );
    });
  } finally {
    await browser.close();
    await chat.stop();
  }
  return steps;
}
