import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Names the build, so a device can tell which version it runs (and a new one differs). */
const BUILD_ID = process.env.TALKTRACK_BUILD_ID ?? new Date().toISOString();

/** Text the server sends; images are compressed already. */
const COMPRESSIBLE = /\.(?:js|css|html|webmanifest|json|svg)$/;

/**
 * Writes a .br and a .gz beside every text file of the build, once, at the highest levels, so the
 * server (src/server/staticClient.ts, preCompressed) sends them to browsers that accept them without
 * compressing anything per request. Runs last, after the service worker is written (it is served
 * compressed too); the precache list only takes .js, .css and .html, so no compressed copy is
 * precached twice. A sibling that would not be smaller is not written.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'talktrack:precompress',
    apply: 'build',
    enforce: 'post',
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
          const file = join(entry.parentPath, entry.name);
          const body = readFileSync(file);
          const br = brotliCompressSync(body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
          });
          const gz = gzipSync(body, { level: 9 });
          if (br.length < body.length) writeFileSync(`${file}.br`, br);
          if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
        }
      },
    },
  };
}

const OUT_DIR = 'dist/client';

export default defineConfig({
  define: { __APP_BUILD__: JSON.stringify(BUILD_ID) },
  plugins: [
    preact(),
    VitePWA({
      // Our own service worker (src/sw), a webworker project of its own; workbox injects the precache list.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // Updates are offered, never forced: the counter applies them between customers.
      registerType: 'prompt',
      // Registration lives in src/client/pwa/swBridge.ts.
      injectRegister: false,
      injectManifest: {
        // Only the app shell; the manifest and its icons are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html}'],
      },
      manifest: {
        name: 'talktrack 营销必说',
        short_name: 'talktrack',
        description: 'Counter talk-track and recommendation log for service halls',
        lang: 'zh-CN',
        theme_color: '#0b5cad',
        background_color: '#f4f6f9',
        display: 'standalone',
        // Counters hold their tablets either way: portrait has a layout of its own.
        orientation: 'any',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      devOptions: { enabled: false },
    }),
    precompress(OUT_DIR),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      output: {
        // zod compiles parsers with `new Function` unless told not to, and probes for it once: under
        // our Content-Security-Policy (no 'unsafe-eval') the probe is refused and reported as a
        // violation. Jitless zod parses the same, without the probe. Its config lives on globalThis
        // (shared by every copy of zod), set here at the top of the chunk that holds zod, before any
        // schema is built: a module imported first would not do, as chunks it imports run before it.
        intro: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/node_modules/zod/'))
            ? 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });'
            : '',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
