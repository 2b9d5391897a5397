import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Files whose name never changes between releases: browsers must revalidate them every time. */
const ALWAYS_REVALIDATE = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Serves the built PWA. Hashed files under /assets are cached for a year; everything else is
 * revalidated (no-cache) so a new release's index.html and service worker are seen at once.
 * Unknown non-API GET paths get index.html (client-side routes); see app.ts' not-found handler.
 */
export async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(`clientDir ${clientDir} has no index.html; run npm run build first`);
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    prefix: '/',
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const rel = filePath.slice(clientDir.length).replaceAll('\\', '/');
      const immutable = rel.startsWith('/assets/') && !ALWAYS_REVALIDATE.has(rel.split('/').pop() ?? '');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
