import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/e2eServer.ts';

const CLIENT_DIR = join(process.cwd(), 'dist/client');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A plain GET that asks for exactly these encodings and keeps the body as sent (fetch would decode it). */
function getRaw(url: string, acceptEncoding: string | null): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function decoded(answer: Answer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  return answer.body;
}

/** The entry script and the stylesheet the built index.html loads. */
function firstLoadAssets(): string[] {
  const html = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
  const script = /<script type="module"[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  const style = /<link rel="stylesheet"[^>]*\bhref="([^"]+)"/.exec(html)?.[1];
  if (script === undefined || style === undefined) throw new Error(`the built index.html names no entry script or stylesheet:\n${html}`);
  return [script, style];
}

describe('the server sends the built app compressed', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers scripts and styles in brotli, in gzip to a browser that only takes gzip, and plain to one that takes neither', async () => {
    for (const asset of firstLoadAssets()) {
      const original = readFileSync(join(CLIENT_DIR, asset));
      for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], [null, undefined]] as const) {
        const answer = await getRaw(server.url + asset, accept);
        expect(answer.status, `${asset} (${accept})`).toBe(200);
        expect(answer.headers['content-encoding'], `${asset} (${accept})`).toBe(encoding);
        expect(answer.headers.vary, asset).toMatch(/accept-encoding/i);
        expect(answer.headers['content-type'], asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
        expect(answer.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
        expect(decoded(answer).equals(original), `${asset} (${accept}) decodes to the built file`).toBe(true);
        if (encoding !== undefined) expect(answer.body.length).toBeLessThan(original.length);
      }
    }
  });

  it('sends the page compressed at every client route, still revalidated and under the same policy', async () => {
    const index = readFileSync(join(CLIENT_DIR, 'index.html'));
    for (const path of ['/', '/counter', '/manage/devices']) {
      const answer = await getRaw(server.url + path, 'br, gzip');
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-encoding'], path).toBe('br');
      expect(answer.headers['content-type'], path).toMatch(/^text\/html/);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      expect(answer.headers['content-security-policy'], path).toContain("script-src 'self'");
      expect(decoded(answer).equals(index), path).toBe(true);
    }
    const worker = await getRaw(`${server.url}/sw.js`, 'gzip');
    expect(worker.headers['content-encoding']).toBe('gzip');
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('precaches each file once, never its compressed copies', () => {
    const worker = readFileSync(join(CLIENT_DIR, 'sw.js'), 'utf8');
    const urls = [...worker.matchAll(/"url":"([^"]+)"|url:"([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(urls).toContain('index.html');
    expect(urls.filter((u) => /\.(?:br|gz)$/.test(u))).toEqual([]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('installs in either orientation', async () => {
    const manifest = JSON.parse(decoded(await getRaw(`${server.url}/manifest.webmanifest`, 'br')).toString('utf8')) as { orientation?: string };
    // "any" (or no orientation at all) lets the tablet turn; "landscape" or "portrait" would lock it.
    expect(['any', 'natural', undefined]).toContain(manifest.orientation);
  });
});
