import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Files whose name never changes between releases: browsers must revalidate them every time. */
const ALWAYS_REVALIDATE = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** The compressed siblings the build writes beside each text file (vite.config.ts, precompress). */
const COMPRESSED_SUFFIX = /\.(?:br|gz)$/;

/**
 * Serves the built PWA. Hashed files under /assets are cached for a year; everything else is
 * revalidated (no-cache) so a new release's index.html and service worker are seen at once.
 * Unknown non-API GET paths get index.html (client-side routes); see app.ts' not-found handler.
 * Text files go out as the build's brotli or gzip copy when the browser accepts one (with
 * `vary: accept-encoding`), so nothing is compressed per request.
 */
export async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(`clientDir ${clientDir} has no index.html; run npm run build first`);
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    prefix: '/',
    cacheControl: false,
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      const rel = filePath.slice(clientDir.length).replaceAll('\\', '/').replace(COMPRESSED_SUFFIX, '');
      const immutable = rel.startsWith('/assets/') && !ALWAYS_REVALIDATE.has(rel.split('/').pop() ?? '');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
