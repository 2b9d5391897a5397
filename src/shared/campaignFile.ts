import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import type { FileProblem } from './fileProblems.ts';
import { Instant } from './schemas/common.ts';
import { CampaignSpec, TalkTrackContent } from './schemas/manage.ts';

export const CAMPAIGN_FILE_FORMAT = 'talktrack.campaigns';

/** The export/import file: campaigns and their talk-tracks, without hall ids (chosen on import). */
export const CampaignFile = z.object({
  format: z.literal(CAMPAIGN_FILE_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: Instant,
  campaigns: z
    .array(z.object({ campaign: CampaignSpec, talkTrack: TalkTrackContent }))
    .min(1, 'the file holds no campaign')
    .max(500, 'at most 500 campaigns per file'),
});
export type CampaignFile = z.infer<typeof CampaignFile>;

export type CampaignFileResult =
  | { ok: true; file: CampaignFile }
  | { ok: false; line: number; field: string; problem: FileProblem; message: string };

/** A zod issue as a file problem: a value that is not there is missing, whatever type was expected. */
function problemOf(issue: z.core.$ZodIssue, value: unknown): FileProblem {
  // A list too short is there, but empty; anything else not there is missing (an enum's too).
  if (value === undefined && issue.code !== 'too_small') return 'missing';
  switch (issue.code) {
    case 'invalid_type':
      return 'wrong_type';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return 'too_short';
    case 'invalid_value':
      return 'wrong_value';
    case 'invalid_format':
      return 'wrong_format';
    default:
      return 'other';
  }
}

/** The value at a path of parsed JSON (undefined when it is not there). */
function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), root);
}

const lineAt = (text: string, offset: number) => text.slice(0, Math.max(0, offset)).split('\n').length;

/**
 * Reads an exported file. A refusal names the first wrong thing by line (1-based) and field path,
 * so the person can open the file and fix it; a missing field points at the object that lacks it.
 */
export function parseCampaignFile(text: string): CampaignFileResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const syntax = errors[0];
  if (syntax !== undefined || tree === undefined) {
    const offset = syntax?.offset ?? 0;
    const what = syntax === undefined ? 'the file is empty' : `not valid JSON (${printParseErrorCode(syntax.error)})`;
    return { ok: false, line: lineAt(text, offset), field: '', problem: syntax === undefined ? 'empty' : 'not_json', message: what };
  }
  const json: unknown = JSON.parse(text);
  const parsed = CampaignFile.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let node: Node | undefined;
  for (let depth = path.length; node === undefined && depth >= 0; depth--) {
    node = depth === 0 ? tree : findNodeAtLocation(tree, path.slice(0, depth));
  }
  const problem = problemOf(issue, valueAt(json, path));
  return { ok: false, line: lineAt(text, node?.offset ?? 0), field: path.join('.'), problem, message: issue.message };
}
