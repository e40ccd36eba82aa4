/**
 * User text on a card shows as typed: after escaping, a CommonMark renderer (markdown-it,
 * which the card gallery plugs into the Adaptive Cards renderer) produces plain
 * paragraphs whose text is the input — no bold, links, lists, headings, code or HTML.
 */
import fc from 'fast-check';
import { escapeMarkdown } from '../../../cards';

// markdown-it ships no types; only `render` is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => {
  render(source: string): string;
};
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((match) => match[1] ?? '');
}

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const normalised = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

describe('escapeMarkdown', () => {
  it.each([
    ['**fett** und _kursiv_', '**fett** und _kursiv_'],
    ['[hier klicken](https://evil.example)', '[hier klicken](https://evil.example)'],
    ['![bild](https://evil.example/x.png)', '![bild](https://evil.example/x.png)'],
    ['# Überschrift', '# Überschrift'],
    ['- Punkt eins\n+ Punkt zwei', '- Punkt eins + Punkt zwei'],
    ['1. erstens\n2) zweitens', '1. erstens 2) zweitens'],
    ['> Zitat', '> Zitat'],
    ['`code` und ```block```', '`code` und ```block```'],
    ['<b>fett</b> <script>alert(1)</script>', '<b>fett</b> <script>alert(1)</script>'],
    ['a | b\n--|--\n1 | 2', 'a | b --|-- 1 | 2'],
    ['&amp; &lt;', '&amp; &lt;'],
    ['Titel\n===', 'Titel ==='],
    ['    eingerückter Code', 'eingerückter Code'],
    ['~~durch~~', '~~durch~~'],
    ['C:\\Users\\name\\', 'C:\\Users\\name\\'],
  ])('shows %j as typed', (input, shown) => {
    const html = markdown.render(escapeMarkdown(input));
    expect(new Set(tagsOf(html))).toEqual(new Set(['p']));
    expect(normalised(visibleText(html))).toBe(shown);
  });

  it('leaves ordinary German text untouched', () => {
    const text = 'Wie ändere ich mein Passwort? Danke, 3 Fragen: ja/nein (bitte).';
    expect(escapeMarkdown(text)).toBe(text);
  });

  it('never lets any text become markup', () => {
    const alphabet = fc.constantFrom(
      ...'\\`*_~[]()<>#|&!-+=.:)1 \n\tab'.split(''),
      '  ',
      '\n\n',
      'http://x.example',
      '&amp;',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const input = parts.join('');
        const html = markdown.render(escapeMarkdown(input));
        expect(tagsOf(html).filter((tag) => tag !== 'p' && tag !== 'br')).toEqual([]);
        expect(normalised(visibleText(html))).toBe(normalised(input));
      }),
      { numRuns: 2000 },
    );
  });
});
