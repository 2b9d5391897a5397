import { ERROR_CODES, type RequestErrorCode, isErrorCode, isHeldReason } from '../../../shared/errorCodes.ts';
import type { FileProblem } from '../../../shared/fileProblems.ts';
import type { Lang } from '../../state/langStore.ts';
import { fill, type Params } from '../fill.ts';
import { formatWhen } from '../format.ts';
import { translate } from '../index.ts';
import { errorsEn, fileProblemsEn } from './en.ts';
import { errorsZhCN, fileProblemsZhCN } from './zh-CN.ts';

/** The refusals' words; the compiler checks each language has every code of errorCodes.ts. */
export const ERROR_CATALOGUES: Record<Lang, Record<RequestErrorCode, string>> = { 'zh-CN': errorsZhCN, en: errorsEn };

const FILE_PROBLEM_TEXTS: Record<Lang, Record<FileProblem, string>> = { 'zh-CN': fileProblemsZhCN, en: fileProblemsEn };

/** What is wrong at a refused campaign file's line and field, in the page's language. */
export function fileProblemText(problem: string, lang: Lang): string {
  const texts = FILE_PROBLEM_TEXTS[lang];
  return Object.hasOwn(texts, problem) ? texts[problem as FileProblem] : texts.other;
}

/** A code the page does not know (a newer server's), said with the server's own words. */
const UNKNOWN: Record<Lang, string> = {
  'zh-CN': '服务器拒绝了：{message}',
  en: 'The server refused: {message}',
};

/** What a refusal carries, as the API answers it. */
export interface Refusal {
  error: string;
  message: string;
  params?: Params | undefined;
}

// Instants the server sends (lockedUntil) are shown as a time in the page's language.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
// A file's `problem` is a code of its own (fileProblems.ts).
const shownParams = (params: Params, lang: Lang): Params =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      k === 'problem' ? fileProblemText(String(v), lang) : typeof v === 'string' && INSTANT.test(v) ? formatWhen(v, lang) : v,
    ]),
  );

/** Whether the page has its own words for a refusal: a listed code, sent with every param it names. */
export function isWordable({ error: code, params = {} }: Refusal): boolean {
  return isErrorCode(code) && ERROR_CODES[code].every((name) => name in params);
}

/**
 * A refusal in the page's language, from its code and params: a refused record's reason as the
 * counter says it, any other code from the errors catalogue. A code without its params (or one
 * the page does not know) falls back to the server's own message.
 */
export function errorText(refusal: Refusal, lang: Lang): string {
  const { error: code, params = {} } = refusal;
  if (isHeldReason(code)) return translate(lang, `status.refusal.${code}`);
  if (!isWordable(refusal)) return fill(UNKNOWN[lang], { message: refusal.message });
  return fill(ERROR_CATALOGUES[lang][code as RequestErrorCode], shownParams(params, lang), lang);
}
