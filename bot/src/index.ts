/**
 * Process entry: configuration, then the app, then listen. SIGTERM/SIGINT
 * stop accepting connections, let in-flight turns finish (up to the grace
 * period) and exit.
 */

import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, errorForLog } from './logging';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const { http, scheduler } = await createApp(config, logger);
  const { server } = http;

  // restify re-emits the HTTP server's errors on itself.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      logger.fatal(
        { port: config.port },
        `port ${config.port} is already in use; stop what uses it or set PORT`,
      );
    } else {
      logger.fatal({ err: errorForLog(err) }, 'server error');
    }
    process.exit(1);
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  if (config.schedulerTickMs > 0) scheduler.start(config.schedulerTickMs);
  logger.info(
    { mode: config.mode, host: config.host, port: address.port },
    `Polku listening on http://${config.host}:${address.port}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: http.inFlight() }, 'shutting down');
    server.server.close();
    server.server.closeIdleConnections();
    // The tick in flight finishes its items; anything it had not reached stays due for the next instance.
    const schedulerStopped = scheduler.stop();
    const deadline = Date.now() + config.shutdownGraceMs;
    const wait = setInterval(() => {
      server.server.closeIdleConnections();
      if (http.inFlight() === 0 || Date.now() > deadline) {
        clearInterval(wait);
        if (http.inFlight() > 0)
          logger.warn({ inFlight: http.inFlight() }, 'grace period over; exiting with requests in flight');
        const exit = () => {
          logger.info('stopped');
          logger.flush();
          process.exit(0);
        };
        // Claims of an unfinished tick simply run out if the grace period is over.
        void Promise.race([
          schedulerStopped,
          new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()))),
        ]).then(exit);
      }
    }, 25);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Polku failed to start: ${JSON.stringify(errorForLog(err))}\n`);
  process.exit(1);
});
