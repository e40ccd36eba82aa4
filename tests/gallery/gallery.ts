/**
 * Renders every card sample in every language and Teams-like theme with the official
 * adaptivecards renderer in headless Chromium: one PNG each, plus what did not fit.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../cards';
import { cardBytes } from './card-checks';
import { launchChromium } from './chromium';
import { galleryIndexHtml } from './index-html';
import { galleryLanguages, loadSamples } from './registry';

/** Git-ignored, like every test output. */
export const galleryDir = join(__dirname, '..', '..', 'test-results', 'card-gallery');

/** About the width of a card in a Teams chat on a narrow desktop window. */
export const CARD_WIDTH_PX = 400;

const hostConfigDir = join(__dirname, 'host-configs');

export interface Theme {
  name: string;
  hostConfig: HostConfigJson;
}

interface HostConfigJson {
  fontTypes: { default: { fontFamily: string } };
  separator: { lineColor: string };
  containerStyles: Record<
    'default' | 'emphasis',
    {
      backgroundColor: string;
      foregroundColors: Record<'default' | 'accent' | 'attention', { default: string }>;
    }
  >;
}

export function loadThemes(): Theme[] {
  const order = ['light', 'dark', 'high-contrast'];
  return readdirSync(hostConfigDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      name: basename(file, '.json'),
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- host configs are plain JSON files
      hostConfig: require(join(hostConfigDir, file)) as HostConfigJson,
    }))
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/** What page/card-host.js adds to the gallery page. */
interface CardHostPage {
  renderGalleryCard(id: string, card: unknown, hostConfig: unknown): string[];
}

export interface GalleryImage {
  sampleId: string;
  family: string;
  description: string;
  language: Language;
  theme: string;
  /** Relative to the gallery folder. */
  file: string;
  bytes: number;
  /** Elements wider than their box or the card (empty when everything fits). */
  tooWide: string[];
}

export interface Gallery {
  images: GalleryImage[];
  themes: string[];
  largest: GalleryImage;
  /** The images with elements that do not fit. */
  tooWide: GalleryImage[];
}

/** Renders the gallery afresh into `outDir`: PNGs per theme and an index.html. */
export async function buildGallery(outDir: string = galleryDir): Promise<Gallery> {
  rmSync(outDir, { recursive: true, force: true });
  const themes = loadThemes();
  const images = await renderImages(outDir, themes);
  const themeNames = themes.map((theme) => theme.name);
  writeFileSync(join(outDir, 'index.html'), galleryIndexHtml(images, themeNames));
  const largest = images.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const tooWide = images.filter((image) => image.tooWide.length > 0);
  return { images, themes: themeNames, largest, tooWide };
}

/**
 * Each problem once, with the renders that have it (themes rarely matter: a title that is
 * too long is too long in every theme).
 */
export function tooWideSummary(images: GalleryImage[]): string[] {
  const renders = new Map<string, Set<string>>();
  for (const image of images) {
    for (const problem of image.tooWide) {
      const where = renders.get(problem) ?? new Set<string>();
      renders.set(problem, where.add(`${image.sampleId} (${image.language})`));
    }
  }
  return [...renders].map(([problem, where]) => `${problem}: ${[...where].join(', ')}`);
}

async function renderImages(outDir: string, themes: Theme[]): Promise<GalleryImage[]> {
  const samples = loadSamples();
  const browser = await launchChromium();
  const images: GalleryImage[] = [];
  try {
    for (const theme of themes) {
      mkdirSync(join(outDir, theme.name), { recursive: true });
      const page = await browser.newPage({ viewport: { width: CARD_WIDTH_PX + 64, height: 800 } });
      await preparePage(page, theme);
      for (const sample of samples) {
        for (const language of galleryLanguages) {
          const card = sample.render(language);
          const id = `${sample.family}--${sample.id.split('/')[1]}--${language}`;
          const tooWide = await page.evaluate(
            ([frameId, content, hostConfig]) =>
              (globalThis as unknown as CardHostPage).renderGalleryCard(
                frameId,
                content,
                hostConfig,
              ),
            [id, card.content, theme.hostConfig] as const,
          );
          const file = join(theme.name, `${id}.png`);
          await page.locator(`[id="${id}"]`).screenshot({ path: join(outDir, file) });
          images.push({
            sampleId: sample.id,
            family: sample.family,
            description: sample.description,
            language,
            theme: theme.name,
            file,
            bytes: cardBytes(card),
            tooWide,
          });
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return images;
}

async function preparePage(page: Page, theme: Theme): Promise<void> {
  const config = theme.hostConfig;
  const card = config.containerStyles.default;
  await page.setContent(`<!doctype html>
<html><head><meta charset="utf-8"><style>
  :root {
    --page: ${cssColour(config.containerStyles.emphasis.backgroundColor)};
    --card: ${cssColour(card.backgroundColor)};
    --text: ${cssColour(card.foregroundColors.default.default)};
    --accent: ${cssColour(card.foregroundColors.accent.default)};
    --attention: ${cssColour(card.foregroundColors.attention.default)};
    --line: ${cssColour(config.separator.lineColor)};
    --font: ${config.fontTypes.default.fontFamily};
  }
  body { margin: 0; padding: 16px 32px; background: var(--page); font-family: var(--font); }
  .card-frame { width: ${CARD_WIDTH_PX}px; margin-bottom: 16px; border: 1px solid var(--line);
    border-radius: 6px; background: var(--card); }
  .ac-adaptiveCard { border-radius: 6px; }
  /* Like Teams: buttons that do not fit side by side wrap to the next line, and a title
     wider than the card is cut off with an ellipsis. */
  .ac-actionSet { flex-wrap: wrap; gap: 8px; }
  .ac-actionSet > div:empty { display: none; }
  .ac-pushButton { font: 600 14px var(--font); color: var(--text); background: var(--card);
    border: 1px solid var(--line); border-radius: 4px; padding: 5px 12px; min-height: 32px;
    max-width: 100%; overflow: hidden; }
  .ac-pushButton.style-positive { background: var(--accent); border-color: var(--accent); color: var(--card); }
  .ac-pushButton.style-destructive { color: var(--attention); }
  .ac-input { box-sizing: border-box; font: 14px var(--font); color: var(--text);
    background: var(--card); border: 1px solid var(--line); border-radius: 4px; padding: 5px 8px; }
  .ac-input.ac-multiline { height: 72px; resize: none; }
  /* The renderer gives Markdown lists width: 100% on top of their indent. */
  .ac-textBlock ul, .ac-textBlock ol { box-sizing: border-box; }
  .ac-selectable { cursor: pointer; }
  a { color: var(--accent); }
</style></head><body><main id="cards"></main></body></html>`);
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
  await page.addScriptTag({ path: join(__dirname, 'page', 'card-host.js') });
  // A string, because this file is compiled without the DOM types.
  await page.evaluate('document.fonts.ready');
}

/** Host configs write colours as #AARRGGBB or #RRGGBB; CSS wants #RRGGBBAA. */
function cssColour(hex: string): string {
  return hex.length === 9 ? `#${hex.slice(3)}${hex.slice(1, 3)}` : hex;
}
