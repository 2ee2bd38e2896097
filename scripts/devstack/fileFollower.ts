/**
 * The Playground writes to its console only on a terminal; otherwise it logs
 * to a file. This follows that file so its lines show up with the rest.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export function followFile(file: string, onLine: (line: string) => void, intervalMs = 300): () => void {
  let offset = 0;
  let partial = '';
  const poll = () => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return; // Not there yet.
    }
    if (size < offset) offset = 0; // The Playground starts its log afresh.
    if (size === offset) return;
    const buffer = Buffer.alloc(size - offset);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      closeSync(fd);
    }
    offset = size;
    const parts = (partial + buffer.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) onLine(line);
  };
  const timer = setInterval(poll, intervalMs);
  return () => {
    clearInterval(timer);
    poll();
    if (partial.trim()) onLine(partial);
  };
}
