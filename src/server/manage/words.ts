import type { MustSayKey } from '../../shared/mustSay.ts';
import type { PersonRef } from '../../shared/schemas/manage.ts';
import { HttpError } from '../errors.ts';

/** The refusals of the manager pages that carry more than a code and a sentence, in words. */

const ELEMENT_WORDS: Record<MustSayKey, string> = {
  name: 'offer name (业务名称)',
  price: 'price and how it is charged (资费标准与计费方式)',
  content: 'what the customer gets (服务内容与优惠)',
  eligibility: 'who can take it (办理条件与适用范围)',
  validity: 'validity and minimum term (生效时间、有效期与在网期限)',
  cancel: 'how to cancel (退订方式)',
  restrictions: 'restrictions and penalties (限制条件、违约责任与注意事项)',
};

/** `talkTrack.elements.price.zh` → `the must-say element "price and how it is charged (…)" in Chinese`. */
export function pathInWords(path: string): string {
  const parts = path.split('.');
  const lang = parts[parts.length - 1] === 'zh' ? ' in Chinese' : parts[parts.length - 1] === 'en' ? ' in English' : '';
  if (path === 'campaign.offerCode') return 'the offer code';
  if (parts[0] === 'campaign' && parts[1] === 'title') return `the title${lang}`;
  if (parts[1] === 'elements' && parts[2] !== undefined && parts[2] in ELEMENT_WORDS) {
    return `the must-say element "${ELEMENT_WORDS[parts[2] as MustSayKey]}"${lang}`;
  }
  if (parts[1] === 'objections' && parts[2] !== undefined) {
    return `the ${parts[3] === 'answer' ? 'answer' : 'question'} of objection ${Number(parts[2]) + 1}${lang}`;
  }
  return path;
}

export function incompleteError(missing: readonly string[]): HttpError {
  const words = missing.map(pathInWords);
  const list = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return new HttpError(
    422,
    'incomplete',
    `this campaign cannot be published yet: ${list} ${words.length === 1 ? 'is' : 'are'} still empty; fill ${words.length === 1 ? 'it' : 'them'} in, save, then publish`,
    { count: missing.length },
    { missing: [...missing] },
  );
}

/** "2026-11-27 14:35" in the reader's own time zone. */
export function wallClock(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${day} ${time}`;
}

export function editConflict(
  current: { editVersion: number; editedBy: PersonRef | null; editedAt: string | null },
  expected: number,
  timeZone: string,
): HttpError {
  const who = current.editedBy?.name ?? 'someone';
  const when = current.editedAt === null ? '' : ` at ${wallClock(current.editedAt, timeZone)}`;
  const message =
    current.editVersion > expected
      ? `${who} saved this campaign${when} after you opened it; reload to see their changes, then make yours again`
      : `this campaign is at edit version ${current.editVersion}, not ${expected} as your copy says; reload it, then make your changes again`;
  return new HttpError(409, 'edit_conflict', message, {}, {
    editVersion: current.editVersion,
    editedBy: current.editedBy,
    editedAt: current.editedAt,
  });
}

export const retiredError = () =>
  new HttpError(409, 'retired', 'this campaign is retired and can no longer be changed or published; duplicate it to start a new one');

export function hallRemovedError(removedHallNames: readonly string[]): HttpError {
  return new HttpError(
    409,
    'hall_removed',
    `${removedHallNames.join(', ')} cannot be taken off a published campaign: the tablets there would never hear that it ended. Retire this campaign and duplicate it for the remaining halls instead`,
    { halls: removedHallNames.join(', ') },
  );
}
