import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a module loads before it can run: its static imports, followed through the client's
 * sources (dynamic `import()` starts a chunk of its own and is not followed). The counter's first
 * load must not grow by the reports, today's visits list, chart.js or zod; the reports table must not
 * wait for chart.js either. `npm run build` shows the same as separate chunks.
 */
const ROOT = resolve(__dirname, '../../..');
const STATIC = [/^\s*(?:import|export)\s+(?!type\b)[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm];

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of STATIC) {
      for (const [, spec] of text.matchAll(pattern)) {
        if (spec!.startsWith('.')) visit(relative(ROOT, resolve(dirname(join(ROOT, file)), spec!)));
        else packages.add(spec!);
      }
    }
  };
  visit(entry);
  return { files, packages };
}

const LAZY_ONLY = [
  'src/client/ui/reports/',
  'src/client/reports/',
  'src/client/i18n/reports/',
  'src/client/ui/visits/',
  'src/client/i18n/visits/',
  'src/client/db/dayQueries.ts',
  // Office-only: the manager pages and the set-password screen (managers and admins).
  'src/client/ui/manage/',
  'src/client/manage/',
  'src/client/i18n/manage/',
  'src/client/ui/password/',
  'src/client/i18n/password/',
];

describe('chunks', () => {
  it('the counter’s first load holds neither the reports, nor today’s visits list, nor the office pages, nor chart.js, nor zod, nor uqr', () => {
    const { files, packages } = staticGraph('src/client/main.tsx');
    // The walk does reach the counter.
    expect(files).toContain('src/client/ui/counter/CounterScreen.tsx');
    expect(files).toContain('src/client/ui/status/TodayVisitsButton.tsx');
    expect([...files].filter((f) => LAZY_ONLY.some((lazy) => f.startsWith(lazy)))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('chart.js'))).toEqual([]);
    // zod (some 27 KB gzip) comes with the first request to the server, in its own chunk.
    expect([...packages].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
    // The QR code drawer is for the devices page only.
    expect([...packages].filter((p) => p === 'uqr')).toEqual([]);
  });

  it('the reports pages load chart.js only once the charts are on screen', () => {
    const { files, packages } = staticGraph('src/client/ui/reports/ReportsApp.tsx');
    expect(files).toContain('src/client/ui/reports/charts/ChartsPanel.tsx');
    expect(files).not.toContain('src/client/ui/reports/charts/chartKit.ts');
    expect([...packages].filter((p) => p.startsWith('chart.js'))).toEqual([]);
    expect(staticGraph('src/client/ui/reports/charts/chartKit.ts').packages).toContain('chart.js');
  });
});
