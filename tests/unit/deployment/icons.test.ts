import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { iconProblems } from '../../../deployment/app-package/icon-rules';
import {
  CITY_BLUE,
  drawColorIcon,
  drawOutlineIcon,
} from '../../../deployment/app-package/lighthouse';

const manifestDir = path.join(__dirname, '..', '..', '..', 'deployment', 'manifest');
const committed = (name: string) => readFileSync(path.join(manifestDir, name));

type Rgba = [number, number, number, number];

function image(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) png.data.set(pixel(x, y), (y * size + x) * 4);
  }
  return PNG.sync.write(png);
}

/** A white square in the middle of a transparent 32×32 icon. */
const whiteSquare = (x: number, y: number): Rgba =>
  x > 8 && x < 24 && y > 8 && y < 24 ? [255, 255, 255, 255] : [0, 0, 0, 0];

function pixelsOf(bytes: Buffer) {
  const png = PNG.sync.read(bytes);
  return {
    png,
    at: (x: number, y: number) => [
      ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4),
    ],
  };
}

describe('committed app icons', () => {
  it('has a 192×192 colour icon', () => {
    expect(iconProblems('color', 'color.png', committed('color.png'))).toEqual([]);
    const { png } = pixelsOf(committed('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('has a 32×32 outline icon that is white on transparency only', () => {
    expect(iconProblems('outline', 'outline.png', committed('outline.png'))).toEqual([]);
    const { png } = pixelsOf(committed('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    let visible = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) continue;
      visible += 1;
      expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(visible).toBeGreaterThan(32 * 32 * 0.15);
    expect(visible).toBeLessThan(32 * 32 * 0.85);
  });

  it('draws the colour icon in city blue with a white symbol', () => {
    const { at } = pixelsOf(drawColorIcon());
    expect(at(0, 0)).toEqual([CITY_BLUE.r, CITY_BLUE.g, CITY_BLUE.b, 255]);
    expect(at(96, 113)).toEqual([255, 255, 255, 255]); // the tower, between its bands
  });

  it('draws icons that meet the rules', () => {
    expect(iconProblems('color', 'color.png', drawColorIcon())).toEqual([]);
    expect(iconProblems('outline', 'outline.png', drawOutlineIcon())).toEqual([]);
  });
});

describe('icon rules', () => {
  it('accepts a white shape on transparency as outline icon', () => {
    expect(iconProblems('outline', 'o.png', image(32, whiteSquare))).toEqual([]);
  });

  it('rejects a coloured pixel in the outline icon and says which', () => {
    const tinted = image(32, (x, y) =>
      x === 16 && y === 16 ? [31, 78, 121, 255] : whiteSquare(x, y),
    );
    expect(iconProblems('outline', 'o.png', tinted)).toEqual([
      'Umrisssymbol o.png: nur Weiß auf Transparenz erlaubt (Pixel 16,16 ist #1F4E79)',
    ]);
  });

  it('rejects an outline icon with an opaque background', () => {
    const filled = image(32, () => [255, 255, 255, 255]);
    expect(iconProblems('outline', 'o.png', filled)).toEqual([
      expect.stringContaining('Hintergrund muss transparent sein'),
    ]);
  });

  it('rejects an empty outline icon', () => {
    expect(
      iconProblems(
        'outline',
        'o.png',
        image(32, () => [0, 0, 0, 0]),
      ),
    ).toEqual(['Umrisssymbol o.png: ist vollständig transparent']);
  });

  it.each([
    ['color', 32, 'Farbsymbol c.png: muss 192×192 Pixel groß sein (ist 32×32)'],
    ['outline', 192, 'Umrisssymbol c.png: muss 32×32 Pixel groß sein (ist 192×192)'],
  ] as const)('rejects a %s icon of %i pixels', (kind, size, message) => {
    expect(iconProblems(kind, 'c.png', image(size, whiteSquare))).toEqual([message]);
  });

  it('rejects a file that is no PNG', () => {
    expect(iconProblems('color', 'c.png', Buffer.from('<svg/>'))).toEqual([
      'Farbsymbol c.png: keine gültige PNG-Datei',
    ]);
  });
});
