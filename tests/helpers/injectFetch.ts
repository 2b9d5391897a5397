import type { FastifyInstance } from 'fastify';
import type { FetchLike } from '../../src/client/api/http.ts';

/** What happens to one request on its way: the faults a counter tablet's network produces. */
export type Fault = 'ok' | 'drop_before' | 'drop_after' | 'http_503' | 'cut_body';

/**
 * A fetch for the device's sync engine that reaches the real server through `inject`, with a
 * fault applied to each request in turn (then `ok` once the schedule is used up).
 */
export function injectFetch(app: FastifyInstance, schedule: Fault[] = []): FetchLike & { calls: number } {
  const queue = [...schedule];
  const f = async (input: string, init?: RequestInit): Promise<Response> => {
    f.calls++;
    const fault = queue.shift() ?? 'ok';
    if (fault === 'drop_before') throw new TypeError('Failed to fetch (connection dropped before the server)');
    if (fault === 'http_503') return new Response('Service Unavailable', { status: 503 });
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: input,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    // The server has done its work; the answer is lost on the way back.
    if (fault === 'drop_after') throw new TypeError('Failed to fetch (connection dropped after the server answered)');
    const body = fault === 'cut_body' ? res.body.slice(0, Math.floor(res.body.length / 2)) : res.body;
    const headers: Record<string, string> = { 'content-type': String(res.headers['content-type'] ?? 'application/json') };
    // Downloads carry their file name here (reports and campaign exports); a 429 says how long to wait.
    for (const name of ['content-disposition', 'retry-after']) {
      if (res.headers[name] !== undefined) headers[name] = String(res.headers[name]);
    }
    return new Response(res.statusCode === 204 ? null : body, { status: res.statusCode, headers });
  };
  f.calls = 0;
  return f;
}
