import { useState } from 'preact/hooks';
import { type ManageI18n, useManageI18n } from '../../../i18n/manage/index.ts';

/**
 * What a notice says, worded each time it is shown: after a language switch it reads in the new
 * language, names included (a finished string would stay in the language it was made in).
 */
export type Wording = (i18n: ManageI18n) => string;

/** A page's notice after an action ("Saved …"): kept as its wording, `text` is it in the current language. */
export function useNotice(): { text: string | null; say: (wording: Wording | null) => void } {
  const i18n = useManageI18n();
  // Boxed: a bare function given to a state setter would be called as an updater.
  const [wording, setWording] = useState<{ words: Wording } | null>(null);
  return { text: wording ? wording.words(i18n) : null, say: (next) => setWording(next && { words: next }) };
}
