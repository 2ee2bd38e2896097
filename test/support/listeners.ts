/** Reads the kernel's listening TCP sockets (/proc/net/tcp{,6}) to prove what is bound where. */
import { readFileSync } from 'node:fs';

export interface Listener {
  readonly address: string;
  readonly port: number;
}

function decodeV4(hex: string): string {
  const bytes = hex.match(/../g)!.map((b) => Number.parseInt(b, 16));
  return bytes.reverse().join('.');
}

export function listeningSockets(): Listener[] {
  const out: Listener[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue; // 0A = LISTEN
      const [addrHex, portHex] = (cols[1] ?? '').split(':');
      if (!addrHex || !portHex) continue;
      const port = Number.parseInt(portHex, 16);
      let address: string;
      if (addrHex.length === 8) address = decodeV4(addrHex);
      else if (addrHex === '00000000000000000000000001000000') address = '::1';
      else if (/^0{32}$/.test(addrHex)) address = '::';
      else if (addrHex.startsWith('0000000000000000FFFF0000')) address = decodeV4(addrHex.slice(24));
      else address = addrHex;
      out.push({ address, port });
    }
  }
  return out;
}

export function isLoopbackAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}
