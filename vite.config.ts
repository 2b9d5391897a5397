import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Names the build, so a device can tell which version it runs (and a new one differs). */
const BUILD_ID = process.env.TALKTRACK_BUILD_ID ?? new Date().toISOString();

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
        orientation: 'landscape',
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
  ],
  build: {
    outDir: 'dist/client',
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
