/** Proves that a set of ports listens, and only on loopback addresses. */
import { isLoopbackAddress, type Listener, listeningSockets } from './listeners';

/** Throws unless every given port is listening, and only on loopback addresses; returns those listeners. */
export function assertLoopbackOnly(ports: readonly number[]): Listener[] {
  const mine = listeningSockets().filter((l) => ports.includes(l.port));
  const missing = ports.filter((p) => !mine.some((l) => l.port === p));
  if (missing.length > 0) throw new Error(`nothing listens on ${missing.join(', ')}`);
  const exposed = mine.filter((l) => !isLoopbackAddress(l.address));
  if (exposed.length > 0) {
    throw new Error(`listening off loopback: ${exposed.map((l) => `${l.address}:${l.port}`).join(', ')}`);
  }
  return mine;
}
