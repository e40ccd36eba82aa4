/**
 * Teams' rules for the two app icons: a 192×192 colour icon and a 32×32 outline icon that is
 * white on a transparent background (Teams tints it). Uploads that break them are rejected
 * or look wrong, so the package build checks them before zipping.
 */
import { PNG } from 'pngjs';

export type IconKind = 'color' | 'outline';

export const ICON_SIZE: Record<IconKind, number> = { color: 192, outline: 32 };

const label: Record<IconKind, string> = { color: 'Farbsymbol', outline: 'Umrisssymbol' };

/** Problems of one icon file, in German; empty when it meets the rules. */
export function iconProblems(kind: IconKind, fileName: string, bytes: Buffer): string[] {
  const name = `${label[kind]} ${fileName}`;
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch {
    return [`${name}: keine gültige PNG-Datei`];
  }
  const size = ICON_SIZE[kind];
  if (image.width !== size || image.height !== size) {
    return [`${name}: muss ${size}×${size} Pixel groß sein (ist ${image.width}×${image.height})`];
  }
  return kind === 'outline' ? outlineProblems(name, image) : [];
}

function outlineProblems(name: string, image: PNG): string[] {
  const problems: string[] = [];
  const { width, height, data } = image;
  let visible = 0;
  let firstColoured: string | undefined;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      const [r, g, b, a] = [data[at], data[at + 1], data[at + 2], data[at + 3]];
      if (a === 0) continue;
      visible += 1;
      if ((r !== 255 || g !== 255 || b !== 255) && firstColoured === undefined) {
        firstColoured = `Pixel ${x},${y} ist ${hex(r, g, b)}`;
      }
    }
  }
  if (firstColoured) problems.push(`${name}: nur Weiß auf Transparenz erlaubt (${firstColoured})`);
  if (visible === 0) problems.push(`${name}: ist vollständig transparent`);
  const corners = [0, width - 1, (height - 1) * width, height * width - 1];
  if (corners.some((pixel) => data[pixel * 4 + 3] !== 0)) {
    problems.push(`${name}: der Hintergrund muss transparent sein (eine Ecke ist deckend)`);
  }
  return problems;
}

function hex(...channels: (number | undefined)[]): string {
  return `#${channels.map((c) => (c ?? 0).toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}
