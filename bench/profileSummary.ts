import { readFileSync } from 'node:fs';
import { table } from './stats.ts';

/**
 * `npx tsx bench/profileSummary.ts FILE.cpuprofile [TOP] [fnA,fnB,…]`: where a V8 CPU profile
 * (node --cpu-prof, e.g. the ingest server's with BENCH_SERVER_PROF=DIR) spends its time: self
 * time by package or source file, inclusive time of the heaviest functions (each sample counted
 * once per function on its stack), and, when named, the inclusive time of the given functions.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A package name for node_modules code, the repo path for ours, the kind for V8's own entries. */
function owner(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return url;
  const src = /\/((?:src|tests|bench)\/.*)$/.exec(url);
  return src ? src[1]! : url;
}

export function summariseProfile(profile: CpuProfile, top = 25, focus: readonly string[] = []): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });

  const byOwner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const o = owner(node.callFrame.url, node.callFrame.functionName);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${owner(f.url, f.functionName)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1)} %`;
  const ms = (us: number) => (us / 1000).toFixed(0);
  const owners = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top);
  const funcs = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top * 2);
  const focused = focus.flatMap((name) =>
    [...inclusive].filter(([key]) => key.split(' ')[0] === name).map(([key, us]) => ({ function: key, 'incl ms': ms(us), share: pct(us) })),
  );
  return [
    ...(focused.length > 0 ? ['named functions:', table(focused), ''] : []),
    `profile: ${ms(total)} ms sampled`,
    '',
    'self time by package / file:',
    table(owners.map(([o, us]) => ({ where: o, 'self ms': ms(us), share: pct(us) }))),
    '',
    'inclusive time by function:',
    table(funcs.map(([f, us]) => ({ function: f, 'incl ms': ms(us), share: pct(us) }))),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profileSummary.ts')) {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('usage: npx tsx bench/profileSummary.ts FILE.cpuprofile [TOP]');
    process.exit(2);
  }
    const focus = (process.argv[4] ?? '').split(',').filter((f) => f !== '');
  console.log(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(process.argv[3] ?? 25), focus));
}
