/**
 * Reads a PNG's IHDR header: enough to check the icon sizes Teams insists on
 * (192x192 colour, 32x32 outline) without an image library.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG colour types (PNG spec, 11.2.2). */
export const ColourType = {
  greyscale: 0,
  rgb: 2,
  palette: 3,
  greyscaleAlpha: 4,
  rgba: 6,
} as const;

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
  /** True for colour types that carry an alpha channel (4, 6). A palette PNG may still use tRNS. */
  readonly hasAlphaChannel: boolean;
}

export class PngFormatError extends Error {
  override name = 'PngFormatError';
}

export function readPngHeader(bytes: Uint8Array): PngHeader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new PngFormatError('not a PNG file (bad signature)');
  }
  // The first chunk must be IHDR, 13 bytes long (PNG spec, 5.6).
  if (buf.readUInt32BE(8) !== 13 || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new PngFormatError('PNG does not start with an IHDR chunk');
  }
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf.readUInt8(24);
  const colourType = buf.readUInt8(25);
  const interlaced = buf.readUInt8(28) === 1;
  if (width === 0 || height === 0) throw new PngFormatError('PNG has a zero width or height');
  return {
    width,
    height,
    bitDepth,
    colourType,
    interlaced,
    hasAlphaChannel: colourType === ColourType.greyscaleAlpha || colourType === ColourType.rgba,
  };
}

/** Width and height in pixels. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } {
  const { width, height } = readPngHeader(bytes);
  return { width, height };
}
