import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The JS the counter view loads first: the entry script of index.html and every module it
 * preloads (what the browser fetches before the first screen can run).
 */
export function firstLoadJs(clientDir: string): ChunkSize[] {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(refs)].map((ref) => {
    const body = readFileSync(join(clientDir, ref.replace(/^\//, '')));
    return { file: ref, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}
