import type { FastifyInstance } from 'fastify';
import type { Database } from './db/database.ts';

export interface ShutdownOptions {
  /** How long the requests in flight get to finish before their connections are cut. */
  graceMs: number;
  log: (line: string) => void;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let every request in flight finish (a push
 * mid-transaction commits and is answered), close the database, exit 0. A deployment rolls one
 * process of several at a time this way and no tablet loses an answer it was owed.
 *
 * fastify's close waits for every connection to end, but a keep-alive connection that has just
 * been answered would stay open until keepAliveTimeout (72 s): once closing, each connection is
 * closed as soon as its response is sent.
 */
export function closeOnSignals(app: FastifyInstance, database: Database, { graceMs, log }: ShutdownOptions): void {
  const server = app.server;
  let closing = false;
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`talktrack: ${signal} received, closing`);
    const cut = setTimeout(() => {
      log(`talktrack: requests still in flight after ${graceMs / 1000} s; cutting their connections`);
      server.closeAllConnections();
    }, graceMs);
    void announceWhenNotListening(app, log);
    app
      .close()
      .then(() => database.destroy())
      .then(() => {
        clearTimeout(cut);
        log('talktrack: closed');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('talktrack: error while closing', error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * fastify stops listening a few ticks after close() is called; the line is printed once it has,
 * so whoever reads it (a supervisor, a test) knows new connections are refused from then on.
 */
async function announceWhenNotListening(app: FastifyInstance, log: (line: string) => void): Promise<void> {
  while (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
  log('talktrack: no longer accepting connections; finishing the requests in flight');
}
