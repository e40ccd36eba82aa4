/**
 * The app icon: a lighthouse ("Lotse" = pilot) sending two beams, drawn as white on the
 * city blue for the colour icon and white on transparency for the outline icon. Geometry is
 * in a unit square (y down); edges are anti-aliased by supersampling each pixel.
 */
import { PNG } from 'pngjs';
import { ICON_SIZE } from './icon-rules';

type Point = readonly [number, number];
type Polygon = readonly Point[];

export const CITY_BLUE = { r: 0x1f, g: 0x4e, b: 0x79 };

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

const lighthouse: Polygon[] = [
  // roof
  [
    [0.5, 0.06],
    [0.64, 0.22],
    [0.36, 0.22],
  ],
  rect(0.4, 0.22, 0.6, 0.36), // lantern room
  rect(0.33, 0.36, 0.67, 0.41), // gallery
  // tower
  [
    [0.39, 0.41],
    [0.61, 0.41],
    [0.67, 0.9],
    [0.33, 0.9],
  ],
  rect(0.18, 0.9, 0.82, 0.96), // rock
  // beams
  [
    [0.36, 0.29],
    [0.03, 0.17],
    [0.03, 0.41],
  ],
  [
    [0.64, 0.29],
    [0.97, 0.17],
    [0.97, 0.41],
  ],
];

/** The tower's painted bands, left open so the shape reads as a lighthouse, not a vase. */
const bands: Polygon[] = [rect(0, 0.53, 1, 0.6), rect(0, 0.71, 1, 0.78)];

function insidePolygon([x, y]: Point, polygon: Polygon): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideLighthouse(point: Point): boolean {
  const inTower = insidePolygon(point, lighthouse[3] as Polygon);
  if (inTower && bands.some((band) => insidePolygon(point, band))) return false;
  return lighthouse.some((polygon) => insidePolygon(point, polygon));
}

const SAMPLES = 4;

/**
 * Share (0…1) of each pixel covered by the lighthouse, which is drawn into the square
 * left after `inset` (a fraction of the size) on every side.
 */
export function coverage(size: number, inset: number): Float64Array {
  const result = new Float64Array(size * size);
  const span = size * (1 - 2 * inset);
  const offset = size * inset;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES - offset) / span;
          const y = (py + (sy + 0.5) / SAMPLES - offset) / span;
          if (insideLighthouse([x, y])) hits += 1;
        }
      }
      result[py * size + px] = hits / (SAMPLES * SAMPLES);
    }
  }
  return result;
}

/** 192×192: white lighthouse on a full city-blue square, kept inside Teams' safe area. */
export function drawColorIcon(): Buffer {
  const size = ICON_SIZE.color;
  const cover = coverage(size, 0.2);
  const png = new PNG({ width: size, height: size });
  cover.forEach((share, pixel) => {
    const blend = (channel: number) => Math.round(channel + (255 - channel) * share);
    png.data[pixel * 4] = blend(CITY_BLUE.r);
    png.data[pixel * 4 + 1] = blend(CITY_BLUE.g);
    png.data[pixel * 4 + 2] = blend(CITY_BLUE.b);
    png.data[pixel * 4 + 3] = 255;
  });
  return PNG.sync.write(png);
}

/** 32×32: the same shape in white; coverage becomes opacity, everything else stays clear. */
export function drawOutlineIcon(): Buffer {
  const size = ICON_SIZE.outline;
  const cover = coverage(size, 0.03);
  const png = new PNG({ width: size, height: size });
  cover.forEach((share, pixel) => {
    png.data.fill(255, pixel * 4, pixel * 4 + 3);
    png.data[pixel * 4 + 3] = Math.round(255 * share);
  });
  return PNG.sync.write(png);
}
