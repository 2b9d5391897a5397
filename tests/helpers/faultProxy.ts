import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP proxy between the browser and the server that does to chosen requests what a bad
 * network does: refuse them, drop the connection before or after the server answered, cut the
 * answer mid-body, answer 502/503 as a gateway would, or delay them.
 */
export type ProxyAction =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'drop_before' }
  | { kind: 'drop_after' }
  | { kind: 'cut_body' }
  | { kind: 'status'; status: 502 | 503 }
  | { kind: 'delay'; ms: number }
  /** Forward at once, then hold the server's answer back this long: the work is done, the device does not know yet. */
  | { kind: 'delay_answer'; ms: number };

export type ProxyRule = (req: IncomingMessage) => ProxyAction;

/** One request through the proxy: what it got, and whether the server's answer reached the browser. */
export interface ProxiedRequest {
  method: string;
  path: string;
  action: ProxyAction;
  /** Set when the proxy forwarded the request to the server. */
  forwarded: boolean;
  /** The HTTP status the server answered, once its answer came back to the proxy. */
  serverStatus: number | null;
}

export interface FaultProxy {
  url: string;
  /** What each request that arrives from now on gets. */
  setRule(rule: ProxyRule): void;
  /** How many requests got each action, by action kind. */
  counts: Record<string, number>;
  /** Every request, in arrival order. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

export const passAll: ProxyRule = () => ({ kind: 'pass' });

export async function startFaultProxy(target: string, rule: ProxyRule = passAll): Promise<FaultProxy> {
  const upstream = new URL(target);
  let current = rule;
  const counts: Record<string, number> = {};
  const requests: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const action = current(req);
    counts[action.kind] = (counts[action.kind] ?? 0) + 1;
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', action, forwarded: false, serverStatus: null };
    requests.push(entry);
    if (action.kind === 'refuse' || action.kind === 'drop_before') {
      req.socket.destroy();
      return;
    }
    if (action.kind === 'status') {
      res.writeHead(action.status, { 'content-type': 'text/plain' }).end('Bad Gateway');
      return;
    }
    const forward = () => {
      entry.forwarded = true;
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          entry.serverStatus = answer.statusCode ?? null;
          if (action.kind === 'drop_after') {
            // The server has done the work; the answer never arrives.
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          if (action.kind === 'cut_body') {
            const chunks: Buffer[] = [];
            answer.on('data', (c: Buffer) => chunks.push(c));
            answer.on('end', () => {
              const body = Buffer.concat(chunks);
              const headers = { ...answer.headers, 'content-length': String(body.length) };
              res.writeHead(answer.statusCode ?? 502, headers);
              res.write(body.subarray(0, Math.floor(body.length / 2)));
              setTimeout(() => req.socket.destroy(), 5);
            });
            return;
          }
          if (action.kind === 'delay_answer') {
            const chunks: Buffer[] = [];
            answer.on('data', (c: Buffer) => chunks.push(c));
            answer.on('end', () =>
              setTimeout(() => {
                if (res.destroyed) return;
                res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
              }, action.ms),
            );
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => req.socket.destroy());
      req.pipe(out);
    };
    if (action.kind === 'delay') setTimeout(forward, action.ms);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRule: (r) => {
      current = r;
    },
    counts,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
