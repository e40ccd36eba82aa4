import type { CardAttachment, Language } from '../../cards';
import * as rendering from '../../cards/render';
import {
  MAX_CARD_BYTES,
  accessibilityProblems,
  cardBytes,
  templateResidue,
  versionProblems,
} from '../gallery/card-checks';
import { galleryLanguages, loadSamples } from '../gallery/registry';
import { cardTemplates } from '../gallery/templates';
import { cardProblems } from '../support/card-validation';

interface RenderedSample {
  label: string;
  language: Language;
  card: CardAttachment;
  templates: string[];
}

const templates = cardTemplates();
const renderSpy = jest.spyOn(rendering, 'renderCard');

const rendered: RenderedSample[] = loadSamples().flatMap((sample) =>
  galleryLanguages.map((language) => {
    renderSpy.mockClear();
    const card = sample.render(language);
    const used = renderSpy.mock.calls.map(([template]) => templates.get(template) ?? 'unknown');
    return { label: `${sample.id} (${language})`, language, card, templates: used };
  }),
);
renderSpy.mockRestore();

/** The problems of every sample that has some, by sample: `{}` when all are fine. */
function problemsOf(check: (sample: RenderedSample) => string[]): Record<string, string[]> {
  return Object.fromEntries(
    rendered
      .map((sample) => [sample.label, check(sample)] as const)
      .filter(([, problems]) => problems.length > 0),
  );
}

const largest = [...rendered].sort((a, b) => cardBytes(b.card) - cardBytes(a.card))[0];
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('card gallery samples', () => {
  it('has a sample for every template in cards/templates', () => {
    const sampled = new Set(rendered.flatMap((sample) => sample.templates));
    const withoutSample = [...templates.values()].filter((name) => !sampled.has(name));
    expect(withoutSample).toEqual([]);
  });

  it('renders each sample from exactly one known template', () => {
    expect(
      problemsOf(({ templates: used }) =>
        used.length === 1 && used[0] !== 'unknown' ? [] : [`templates used: ${used.join(', ')}`],
      ),
    ).toEqual({});
  });

  it('parses every sample with the adaptivecards library without problems', () => {
    expect(problemsOf(({ card }) => cardProblems(card.content))).toEqual({});
  });

  it('leaves no template syntax in any card', () => {
    expect(problemsOf(({ card }) => templateResidue(card.content))).toEqual({});
  });

  it('uses no feature above the declared card version', () => {
    expect(problemsOf(({ card }) => versionProblems(card.content))).toEqual({});
  });

  it(`keeps every card under ${kilobytes(MAX_CARD_BYTES)} (largest: ${largest?.label}, ${kilobytes(largest ? cardBytes(largest.card) : 0)})`, () => {
    expect(
      problemsOf(({ card }) =>
        cardBytes(card) < MAX_CARD_BYTES ? [] : [`${kilobytes(cardBytes(card))}`],
      ),
    ).toEqual({});
  });

  it('sets lang, alt texts, input labels, clear action titles, https links and never shows state by colour alone', () => {
    expect(
      problemsOf(({ card, language }) => accessibilityProblems(card.content, language)),
    ).toEqual({});
  });
});

describe('gallery checks', () => {
  const card = (body: unknown[], actions: unknown[] = []) => ({
    type: 'AdaptiveCard',
    version: '1.5',
    lang: 'de',
    body,
    actions,
  });
  const text = { type: 'TextBlock', text: 'Kurs „Teams für Einsteiger“', wrap: true };

  it('passes a plain card', () => {
    const plain = card([text], [{ type: 'Action.Submit', title: 'Anmelden', data: { x: 1 } }]);
    expect([...accessibilityProblems(plain, 'de'), ...versionProblems(plain)]).toEqual([]);
  });

  it('finds elements, properties and values newer than version 1.5', () => {
    const carousel = card([{ type: 'Carousel', pages: [{ type: 'CarouselPage', items: [text] }] }]);
    const labelBeside = card([
      { type: 'Input.Text', id: 'name', label: 'Name', labelPosition: 'inline' },
    ]);
    expect(versionProblems(carousel)).toEqual([expect.stringContaining('Carousel')]);
    expect(versionProblems(labelBeside)).toEqual([expect.stringContaining('labelPosition')]);
    const heading = { ...text, style: 'heading' };
    expect(versionProblems({ ...card([heading]), version: '1.4' })).toEqual([
      expect.stringContaining('"style" is supported in version 1.5'),
    ]);
  });

  it('finds a missing or wrong lang, images without alt text and inputs without label', () => {
    const image = { type: 'Image', url: 'https://stadt.example/logo.png' };
    const input = { type: 'Input.Text', id: 'note', placeholder: 'Notiz' };
    expect(accessibilityProblems(card([image, input]), 'en')).toEqual([
      'lang is de, not en',
      'body[0]: Image without altText',
      'body[1]: Input.Text without label',
    ]);
  });

  it('finds actions without words, vague or repeated titles and http links', () => {
    const problems = accessibilityProblems(
      card(
        [text],
        [
          { type: 'Action.Submit', title: '👍' },
          { type: 'Action.Submit', title: ' ' },
          { type: 'Action.OpenUrl', title: 'hier klicken', url: 'http://intranet.stadt.example' },
          { type: 'Action.Submit', title: '👍' },
        ],
      ),
      'de',
    );
    expect(problems).toEqual([
      'actions: "👍" twice',
      'actions[0]: title "👍" has no words',
      'actions[1]: Action.Submit without title',
      'actions[2]: vague title "hier klicken"',
      'actions[2]: Action.OpenUrl to a non-https url http://intranet.stadt.example',
      'actions[3]: title "👍" has no words',
    ]);
  });

  it('finds a state shown only by colour', () => {
    const dot = { type: 'TextBlock', text: '●', color: 'Good' };
    const banner = {
      type: 'Container',
      style: 'attention',
      items: [{ type: 'Image', url: 'https://x.example/a.png', altText: '' }],
    };
    const said = {
      type: 'Container',
      style: 'good',
      items: [{ ...text, text: '✓ Angemeldet', color: 'Good' }],
    };
    expect(accessibilityProblems(card([dot, banner, said]), 'de')).toEqual([
      'body[0]: colour Good on text without words',
      'body[1]: Container styled attention without text saying so',
      'body[1].items[0]: Image without altText',
    ]);
  });

  it('finds unexpanded template syntax', () => {
    expect(templateResidue(card([{ ...text, text: '${name}', $when: '${exists(name)}' }]))).toEqual(
      ['unexpanded template syntax ${', 'unexpanded template syntax "$when"'],
    );
  });
});
