/**
 * Decodes the PNGs we ship (8-bit RGB/RGBA, not interlaced) back to pixels,
 * so packaging can check what Teams checks: the outline icon must be white
 * on transparent. Handles all five row filters, so an icon re-saved by an
 * image editor still decodes.
 */
import zlib from 'node:zlib';
import type { RawImage } from './encodePng';
import { ColourType, PngFormatError, readPngHeader } from './readPngSize';

export function decodePng(bytes: Uint8Array): RawImage {
  const header = readPngHeader(bytes);
  if (header.bitDepth !== 8 || header.interlaced) {
    throw new PngFormatError('only 8-bit, non-interlaced PNGs are supported');
  }
  let channels: 3 | 4;
  if (header.colourType === ColourType.rgb) channels = 3;
  else if (header.colourType === ColourType.rgba) channels = 4;
  else throw new PngFormatError(`colour type ${header.colourType} is not supported (use RGB or RGBA)`);

  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(buf.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));

  const { width, height } = header;
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new PngFormatError('PNG image data is truncated');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[dst + x - channels]! : 0;
      const up = y > 0 ? pixels[dst - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[dst - stride + x - channels]! : 0;
      pixels[dst + x] = (raw[src + x]! + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new PngFormatError(`unknown PNG row filter ${filter}`);
  }
}
