/** Finds out, before anything starts, whether the stack's loopback ports are free. */
import net from 'node:net';
import type { PortSetting } from './settings';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** One message per busy port, naming it and saying how to free it or move off it; empty when all are free. */
export async function busyPortProblems(ports: readonly PortSetting[]): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const p of ports) {
    const other = seen.get(p.port);
    if (other) {
      problems.push(`${p.name} and ${other} are both set to port ${p.port}; give ${p.envVar} another port.`);
      continue;
    }
    seen.set(p.port, p.name);
    if (await isFree(p.port)) continue;
    problems.push(
      `Port ${p.port} (${p.name}) is already in use on 127.0.0.1.\n` +
        `    See what holds it: ss -ltnp 'sport = :${p.port}'   (an earlier npm start? stop it with Ctrl-C)\n` +
        `    Or use another port: ${p.envVar}=<free port> npm start`,
    );
  }
  return problems;
}
