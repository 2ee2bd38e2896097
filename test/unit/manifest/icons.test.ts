import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { renderColourIcon, renderOutlineIcon } from '../../../scripts/make-icons';
import { checkColourIcon, checkOutlineIcon } from '../../../scripts/manifest/checkIcons';
import { decodePng } from '../../../scripts/manifest/decodePng';
import { encodePng } from '../../../scripts/manifest/encodePng';
import { ColourType, readPngHeader, readPngSize } from '../../../scripts/manifest/readPngSize';

const MANIFEST_DIR = path.resolve(__dirname, '..', '..', '..', 'manifest');
const colourPng = fs.readFileSync(path.join(MANIFEST_DIR, 'color.png'));
const outlinePng = fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png'));

describe('Teams icons', () => {
  it('color.png is 192x192 full colour', () => {
    assert.deepEqual(readPngSize(colourPng), { width: 192, height: 192 });
    assert.equal(readPngHeader(colourPng).colourType, ColourType.rgb);
    assert.deepEqual(checkColourIcon(colourPng), []);
  });

  it('outline.png is 32x32 with an alpha channel, white on transparent', () => {
    assert.deepEqual(readPngSize(outlinePng), { width: 32, height: 32 });
    const header = readPngHeader(outlinePng);
    assert.equal(header.colourType, ColourType.rgba);
    assert.ok(header.hasAlphaChannel);
    assert.deepEqual(checkOutlineIcon(outlinePng), []);
    const { pixels } = decodePng(outlinePng);
    let transparent = 0;
    let opaque = 0;
    for (let i = 3; i < pixels.length; i += 4) {
      if (pixels[i] === 0) transparent++;
      if (pixels[i] === 255) opaque++;
    }
    assert.ok(transparent > 200 && opaque > 100, `${transparent} transparent, ${opaque} opaque pixels`);
  });

  it('the committed icons are what scripts/make-icons.ts draws', () => {
    assert.deepEqual(decodePng(colourPng).pixels, renderColourIcon().pixels);
    assert.deepEqual(decodePng(outlinePng).pixels, renderOutlineIcon().pixels);
  });

  it('rejects wrong sizes, a missing alpha channel and colour in the outline', () => {
    const rgb = (size: number) =>
      encodePng({ width: size, height: size, channels: 3, pixels: new Uint8Array(size * size * 3) });
    assert.match(checkColourIcon(rgb(96)).join(), /96x96; Teams requires 192x192/);
    assert.match(checkOutlineIcon(rgb(32)).join(), /no alpha channel/);
    const red = new Uint8Array(32 * 32 * 4).fill(0);
    red.set([255, 0, 0, 255], 0);
    assert.match(
      checkOutlineIcon(encodePng({ width: 32, height: 32, channels: 4, pixels: red })).join(),
      /1 visible pixels that are not white/,
    );
    const opaqueWhite = new Uint8Array(32 * 32 * 4).fill(255);
    assert.match(
      checkOutlineIcon(encodePng({ width: 32, height: 32, channels: 4, pixels: opaqueWhite })).join(),
      /no transparent pixels/,
    );
  });

  it('refuses a file that is not a PNG', () => {
    assert.throws(() => readPngHeader(Buffer.from('GIF89a not a png at all, really not')), /bad signature/);
  });

  it('decodes every PNG row filter, as an image editor may write them', () => {
    // 2x5 RGB image, one row per filter type 0..4, built by hand.
    const width = 2;
    const rows = [0, 1, 2, 3, 4].map((filter) => [filter, 10, 20, 30, 40, 50, 60]);
    const expected = decodeReference(rows, width);
    const png = handMadePng(width, rows);
    assert.deepEqual([...decodePng(png).pixels], expected);
  });
});

/** Straight from the PNG spec, kept deliberately naive so it can check the real decoder. */
function decodeReference(rows: number[][], width: number): number[] {
  const bpp = 3;
  const out: number[][] = [];
  rows.forEach((row, y) => {
    const [filter, ...data] = row as [number, ...number[]];
    const line: number[] = [];
    data.forEach((value, x) => {
      const a = x >= bpp ? line[x - bpp]! : 0;
      const b = y > 0 ? out[y - 1]![x]! : 0;
      const c = x >= bpp && y > 0 ? out[y - 1]![x - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, Math.floor((a + b) / 2), paeth][filter]!;
      line.push((value + predictor) % 256);
    });
    out.push(line);
  });
  assert.equal(out[0]!.length, width * bpp);
  return out.flat();
}

function handMadePng(width: number, rows: number[][]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows.flat()))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
