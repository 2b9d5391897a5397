import type { CampaignDraft, TalkTrackContent } from '../../shared/schemas/manage.ts';

/**
 * What changed between two drafts, as paths into the draft (`talkTrack.pitch.zh`,
 * `campaign.endDate`): the audit log's summary and the "is this a new version?" test.
 * Pure: no I/O, so it is tested as a table.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarList = (v: unknown): v is unknown[] => Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  // A list of ids (hallIds) is a set that changes as a whole; a list of objects (objections) changes item by item.
  if (isScalarList(a) && isScalarList(b)) {
    const inB = new Set(b);
    if (new Set(a).size !== inB.size || a.some((x) => !inB.has(x))) out.push(path);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}.${i}`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) walk(a[key], b[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  // An absent optional text (`en`) and an empty one read the same at the counter.
  const norm = (v: unknown) => (v === undefined ? '' : v);
  if (norm(a) !== norm(b)) out.push(path);
}

/** Paths whose value differs, in the order of the newer draft's fields. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const out: string[] = [];
  walk(before, after, prefix, out);
  return out;
}

export function draftChanges(before: CampaignDraft, after: CampaignDraft): string[] {
  return changedPaths(before, after);
}

export function sameTalkTrack(a: TalkTrackContent, b: TalkTrackContent): boolean {
  return changedPaths(a, b).length === 0;
}

/** "talkTrack.pitch.zh, campaign.endDate" — at most `max` paths, then how many more. */
export function listPaths(paths: readonly string[], max = 12): string {
  const shown = paths.slice(0, max).join(', ');
  return paths.length > max ? `${shown} and ${paths.length - max} more` : shown;
}
