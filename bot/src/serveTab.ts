/**
 * Serves the built tab under /tab/. Paths are resolved inside the build
 * folder only; unknown paths without a file extension fall back to
 * index.html (client-side views). Hashed assets are cached for a year,
 * index.html never, so a deploy shows at once.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'restify';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Teams, Outlook and the Microsoft 365 app frame the tab; nobody else may. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
].join(' ');

export const TAB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) inserts style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // teams-js fetches its list of valid host domains from the Office CDN.
    "connect-src 'self' https://res.cdn.office.net",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${FRAME_ANCESTORS}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function tabHandler(distDir: string) {
  const root = path.resolve(distDir);
  return async (req: Request, res: Response): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.replace(/^\/tab\/?/, ''));
    } catch {
      // A malformed %-escape names no file of ours.
      res.send(400, { error: { code: 'invalid', message: 'Malformed path' } });
      return;
    }
    let file = path.resolve(root, relative || 'index.html');
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) {
      res.send(404, { error: { code: 'not_found', message: 'Not found' } });
      return;
    }
    let info = await fileInfo(file);
    if (!info?.isFile()) {
      if (path.extname(relative) !== '') {
        res.send(404, { error: { code: 'not_found', message: 'Not found' } });
        return;
      }
      file = path.join(root, 'index.html');
      info = await fileInfo(file);
      if (!info?.isFile()) {
        res.send(503, {
          error: { code: 'unavailable', message: 'The tab is not built. Run npm run build:tab.' },
        });
        return;
      }
    }
    const immutable = relative.startsWith('assets/');
    res.writeHead(200, {
      ...TAB_SECURITY_HEADERS,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      stream.on('end', resolve);
      stream.pipe(res);
    });
  };
}

/** Absent files are an expected answer; any other failure (permissions, I/O) is an error. */
async function fileInfo(file: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}
