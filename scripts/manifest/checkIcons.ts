/**
 * The icon rules Teams enforces when an app is uploaded: colour icon 192x192,
 * outline icon 32x32 and white on transparent. Checking them here saves a
 * round trip through the Teams admin centre.
 */
import { decodePng } from './decodePng';
import { readPngHeader } from './readPngSize';

export const COLOUR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

function checkSize(png: Uint8Array, file: string, size: number, problems: string[]): boolean {
  try {
    const { width, height } = readPngHeader(png);
    if (width !== size || height !== size) {
      problems.push(`${file} is ${width}x${height}; Teams requires ${size}x${size}`);
    }
    return true;
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return false;
  }
}

export function checkColourIcon(png: Uint8Array, file = 'color.png'): string[] {
  const problems: string[] = [];
  checkSize(png, file, COLOUR_ICON_SIZE, problems);
  return problems;
}

export function checkOutlineIcon(png: Uint8Array, file = 'outline.png'): string[] {
  const problems: string[] = [];
  if (!checkSize(png, file, OUTLINE_ICON_SIZE, problems)) return problems;
  const header = readPngHeader(png);
  if (!header.hasAlphaChannel) {
    problems.push(`${file} has no alpha channel (colour type ${header.colourType}); it must be transparent`);
    return problems;
  }
  let image: ReturnType<typeof decodePng>;
  try {
    image = decodePng(png);
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return problems;
  }
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    const [r, g, b, a] = [image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!, image.pixels[i + 3]!];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) notWhite++;
  }
  if (transparent === 0) problems.push(`${file} has no transparent pixels; Teams wants white on transparent`);
  if (notWhite > 0) problems.push(`${file} has ${notWhite} visible pixels that are not white`);
  return problems;
}
