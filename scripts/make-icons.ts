/**
 * Draws Polku's two Teams icons and writes them as PNGs:
 *   manifest/color.png    192x192, full colour
 *   manifest/outline.png   32x32, white on transparent
 * The motif is a path ("polku") winding up a hill under the sun: the journey
 * a mentoring pair takes together. Shapes are signed-distance tests, supersampled for
 * smooth edges, so the icons are reproducible from this file alone.
 *
 * Run: npx tsx scripts/make-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodePng, type RawImage } from './manifest/encodePng';

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

// Geometry in a unit square, y pointing down. A dome-shaped hill stands on
// flat ground, a path winds up it and narrows towards the top (perspective),
// and a sun stands clear of the hill so the one-colour outline stays legible.
const HILL_CENTRE: Point = [0.5, 0.98];
const HILL_RADIUS = 0.5;
const GROUND_Y = 0.92;
const PATH_CONTROL: readonly Point[] = [
  [0.38, 1.04],
  [0.9, 0.86],
  [0.18, 0.64],
  [0.53, 0.46],
];
const PATH_WIDTH_START = 0.22;
const PATH_WIDTH_END = 0.025;
const SUN_CENTRE: Point = [0.72, 0.24];
const SUN_RADIUS = 0.12;

const TEAL: Rgb = [0x2e, 0x7d, 0x6b]; // the manifest's accentColor
const HILL_COLOUR: Rgb = [0x5d, 0xb8, 0x95];
const PATH_COLOUR: Rgb = [0xf7, 0xf3, 0xe6];
const SUN_COLOUR: Rgb = [0xf6, 0xc4, 0x53];

const SUPERSAMPLES = 4; // per axis: 16 samples per pixel
const SEGMENTS = 160;

interface Segment {
  readonly a: Point;
  readonly b: Point;
  readonly wa: number;
  readonly wb: number;
}

function bezier(t: number): Point {
  const [p0, p1, p2, p3] = PATH_CONTROL as [Point, Point, Point, Point];
  const u = 1 - t;
  const w0 = u * u * u;
  const w1 = 3 * u * u * t;
  const w2 = 3 * u * t * t;
  const w3 = t * t * t;
  return [
    w0 * p0[0] + w1 * p1[0] + w2 * p2[0] + w3 * p3[0],
    w0 * p0[1] + w1 * p1[1] + w2 * p2[1] + w3 * p3[1],
  ];
}

function halfWidth(t: number): number {
  return (PATH_WIDTH_START + (PATH_WIDTH_END - PATH_WIDTH_START) * t) / 2;
}

const SEGMENT_LIST: readonly Segment[] = Array.from({ length: SEGMENTS }, (_, i) => {
  const t0 = i / SEGMENTS;
  const t1 = (i + 1) / SEGMENTS;
  return { a: bezier(t0), b: bezier(t1), wa: halfWidth(t0), wb: halfWidth(t1) };
});

function inCircle(x: number, y: number, centre: Point, radius: number): boolean {
  const dx = x - centre[0];
  const dy = y - centre[1];
  return dx * dx + dy * dy <= radius * radius;
}

/** True when the point lies on the tapered path (a chain of round-capped, tapering segments). */
function onPath(x: number, y: number): boolean {
  for (const { a, b, wa, wb } of SEGMENT_LIST) {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const u = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
    const ex = x - (a[0] + u * dx);
    const ey = y - (a[1] + u * dy);
    const w = wa + (wb - wa) * u;
    if (ex * ex + ey * ey <= w * w) return true;
  }
  return false;
}

type Surface = 'sky' | 'sun' | 'hill' | 'path';

function surfaceAt(x: number, y: number): Surface {
  const onHill = y <= GROUND_Y && inCircle(x, y, HILL_CENTRE, HILL_RADIUS);
  if (onHill) return onPath(x, y) ? 'path' : 'hill';
  return inCircle(x, y, SUN_CENTRE, SUN_RADIUS) ? 'sun' : 'sky';
}

/** Fraction of a pixel's samples on each surface; the motif sits inside an inset margin. */
function coverage(px: number, py: number, size: number, inset: number): Record<Surface, number> {
  const hits: Record<Surface, number> = { sky: 0, sun: 0, hill: 0, path: 0 };
  const scale = 1 - 2 * inset;
  const n = SUPERSAMPLES * SUPERSAMPLES;
  for (let sy = 0; sy < SUPERSAMPLES; sy++) {
    for (let sx = 0; sx < SUPERSAMPLES; sx++) {
      const x = ((px + (sx + 0.5) / SUPERSAMPLES) / size - inset) / scale;
      const y = ((py + (sy + 0.5) / SUPERSAMPLES) / size - inset) / scale;
      hits[surfaceAt(x, y)] += 1 / n;
    }
  }
  return hits;
}

/** Area-weighted colour of a pixel. */
function blend(c: Record<Surface, number>): [number, number, number] {
  const channel = (i: number) =>
    Math.round(
      TEAL[i]! * c.sky + SUN_COLOUR[i]! * c.sun + HILL_COLOUR[i]! * c.hill + PATH_COLOUR[i]! * c.path,
    );
  return [channel(0), channel(1), channel(2)];
}

/** 192x192: the motif on a full-bleed teal square, kept inside Teams' central safe area. */
export function renderColourIcon(size = 192): RawImage {
  const pixels = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      pixels.set(blend(coverage(x, y, size, 0.2)), (y * size + x) * 3);
    }
  }
  return { width: size, height: size, channels: 3, pixels };
}

/**
 * 32x32: the hill and sun in pure white with the path cut out of the hill, so
 * the motif reads in one colour. Anti-aliasing lives only in the alpha channel.
 */
export function renderOutlineIcon(size = 32): RawImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 0.03);
      const alpha = Math.round(Math.min(1, c.hill + c.sun) * 255);
      pixels.set([255, 255, 255, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, channels: 4, pixels };
}

function main(): void {
  const dir = path.resolve(__dirname, '..', 'manifest');
  const colour = encodePng(renderColourIcon());
  const outline = encodePng(renderOutlineIcon());
  fs.writeFileSync(path.join(dir, 'color.png'), colour);
  fs.writeFileSync(path.join(dir, 'outline.png'), outline);
  console.log(
    `wrote manifest/color.png (${colour.length} bytes), manifest/outline.png (${outline.length} bytes)`,
  );
}

if (require.main === module) main();
