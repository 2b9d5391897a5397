/**
 * Targets: each section checks its figure against a target and prints the verdict; a miss is a
 * finding to act on, never a failure of the run (`npm run bench` still exits 0).
 */
export interface Verdict {
  section: string;
  met: boolean;
  text: string;
}

const verdicts: Verdict[] = [];

export function target(section: string, met: boolean, text: string): void {
  verdicts.push({ section, met, text });
  console.log(`${met ? 'target met' : 'finding: target missed'}: ${text}`);
}

export function allVerdicts(): readonly Verdict[] {
  return verdicts;
}

/** Where a section could not produce its figure at all (a crash, a timeout): also a finding. */
export function sectionFailed(section: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  verdicts.push({ section, met: false, text: `section did not finish: ${text.split('\n')[0]}` });
  console.log(`finding: section ${section} did not finish:\n${text}`);
}
