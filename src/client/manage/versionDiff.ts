import { diffWords } from 'diff';
import { MUST_SAY_KEYS } from '../../shared/mustSay.ts';
import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { TalkTrackContent } from '../../shared/schemas/manage.ts';
import { elementPath, objectionPath, type TextLang, type TextPath } from './draftText.ts';

export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FieldDiff {
  path: TextPath;
  lang: TextLang;
  changed: boolean;
  parts: DiffPart[];
}

// Word boundaries of Chinese come from the segmenter; without it a whole sentence is one "word".
let segmenter: Intl.Segmenter | undefined;
const zhSegmenter = () => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/** Word-level insertions and deletions from `before` to `after`. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ text: before, change: 'same' }];
  const changes = diffWords(before, after, { intlSegmenter: zhSegmenter() });
  const parts = changes.map((c): DiffPart => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
  // diffWords ignores whitespace; a change only in line breaks still shows as a change.
  if (parts.every((p) => p.change === 'same')) return [{ text: before, change: 'removed' }, { text: after, change: 'added' }];
  return parts;
}

export type Content = Pick<TalkTrackContent, 'elements' | 'opening' | 'pitch' | 'objections' | 'closing'>;

/** A talk-track's texts by path, in the order the form and the counter show them. */
export function contentFields(content: Content): Map<TextPath, LocalizedText> {
  const fields = new Map<TextPath, LocalizedText>();
  for (const key of MUST_SAY_KEYS) fields.set(elementPath(key), content.elements[key]);
  fields.set('talkTrack.opening', content.opening);
  fields.set('talkTrack.pitch', content.pitch);
  content.objections.forEach((o, i) => {
    fields.set(objectionPath(i, 'question'), o.question);
    fields.set(objectionPath(i, 'answer'), o.answer);
  });
  fields.set('talkTrack.closing', content.closing);
  return fields;
}

/** Field by field, in both languages: what changed from one version to the other (objections by position). */
export function diffVersions(before: Content, after: Content): FieldDiff[] {
  const a = contentFields(before);
  const b = contentFields(after);
  // The version with more objections names every field, in the form's order.
  const paths = [...(a.size >= b.size ? a : b).keys()];
  return paths.flatMap((path) =>
    (['zh', 'en'] as const).map((lang): FieldDiff => {
      const from = a.get(path)?.[lang] ?? '';
      const to = b.get(path)?.[lang] ?? '';
      return { path, lang, changed: from !== to, parts: diffText(from, to) };
    }),
  );
}
