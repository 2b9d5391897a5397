import { tapSection, pushSection } from './counterSections.ts';
import { hallsSection } from './halls.ts';
import { lighthouseSection } from './lighthouse.ts';
import { peerSection } from './peerSync.ts';
import { pinGuessSection } from './pinGuess.ts';
import { allVerdicts, sectionFailed } from './report.ts';
import { reportsSection } from './reports.ts';
import { serverSection } from './serverIngest.ts';
import { startupSection } from './startup.ts';

/**
 * `npm run bench [-- SECTION…]`: each section prints a table, a `summary:` line and its target's
 * verdict, next to a baseline measured in the same run. Sections: peer (sync vs PouchDB →
 * pouchdb-server), tap (tap-to-stored vs bare Dexie), push (sync vs the bare loopback floor),
 * startup (cold and warm-offline load to interactive; first-load JS vs its budget), server
 * (push ingest per batch size and latency under 200 tablets vs bare better-sqlite3), reports (daily
 * tallies and exports over 1 M visits vs counting the rows in Node), halls (200 tablets pushing to
 * the real server on SQLite, on PostgreSQL, and on PostgreSQL with two processes; SQLite is the
 * baseline), pin (one PIN guess against a stolen tablet's wrapped signing key, in Node and
 * Chromium, and the time to try every allowed PIN), lighthouse (Lighthouse's mobile performance score
 * of the enrolment screen and the signed-in counter, cold). Default: all.
 * A missed target is printed as a finding; the run still succeeds.
 */
const SECTIONS = {
  peer: peerSection,
  tap: tapSection,
  push: pushSection,
  startup: startupSection,
  server: serverSection,
  reports: reportsSection,
  halls: hallsSection,
  pin: async () => {
    await pinGuessSection();
  },
  lighthouse: async () => {
    await lighthouseSection();
  },
} as const;
type SectionName = keyof typeof SECTIONS;
const isSection = (s: string): s is SectionName => Object.hasOwn(SECTIONS, s);

const asked = process.argv.slice(2);
const unknown = asked.filter((s) => !isSection(s));
if (unknown.length > 0) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const chosen = asked.length === 0 ? (Object.keys(SECTIONS) as SectionName[]) : asked.filter(isSection);

const started = Date.now();
for (const name of chosen) {
  const t0 = Date.now();
  try {
    await SECTIONS[name]();
  } catch (error) {
    sectionFailed(name, error);
  }
  console.log(`(section ${name}: ${fmtSeconds(Date.now() - t0)})`);
}

console.log(`\n## Targets (${chosen.join(', ')}; ${fmtSeconds(Date.now() - started)})\n`);
for (const v of allVerdicts()) console.log(`${v.met ? 'met   ' : 'MISSED'}  ${v.section.padEnd(8)} ${v.text}`);
const missed = allVerdicts().filter((v) => !v.met).length;
console.log(`summary: ${allVerdicts().length - missed} target(s) met, ${missed} missed (findings, not failures)`);

function fmtSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
