/**
 * The Agents Playground seen through a person's eyes: a message box, the cards the bot
 * sends, their buttons. Every wait is a locator with a timeout, never a fixed sleep.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';

const STEP_TIMEOUT_MS = 20_000;

export class Playground {
  private constructor(
    private readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  static async open(browser: Browser, chatUrl: string, screenshotDir: string): Promise<Playground> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(chatUrl);
    return new Playground(page, screenshotDir);
  }

  /** Every Adaptive Card in the conversation, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** The first card showing the text; waits until there is one. */
  async cardWith(text: string): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).first();
    await card.waitFor();
    return card;
  }

  /** Does something, then waits for the next new card, which must show the text. */
  async expectNewCard(text: string, act: () => Promise<void>): Promise<Locator> {
    const before = await this.cards().count();
    await act();
    const card = this.cards().nth(before);
    await card.filter({ hasText: text }).waitFor();
    return card;
  }

  async say(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"]');
    await box.click();
    await box.pressSequentially(text);
    await this.page.keyboard.press('Enter');
  }

  button(card: Locator, name: string): Locator {
    return card.getByRole('button', { name, exact: true });
  }

  /** Action.OpenUrl: a button that is announced as a link. */
  link(card: Locator, name: string): Locator {
    return card.getByRole('link', { name, exact: true });
  }

  async screenshot(name: string): Promise<string> {
    const path = join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
