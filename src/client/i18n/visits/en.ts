import type { VisitsMessageKey } from './zh-CN.ts';

/** English: must have every key of the Chinese catalogue (the compiler checks it). */
export const visitsEn: Record<VisitsMessageKey, string> = {
  'visits.title': "Today's visits",
  'visits.hint': 'Only your own visits of today on this tablet. A voided visit is kept and synced, but no figure counts it.',
  'visits.none': 'No visits yet today.',
  'visits.close': 'Close',
  'visits.serving': 'Serving now',
  'visits.recs': '{count} recommended',
  'visits.noRecs': 'Nothing recommended',
  'visits.refused': 'Not stored',
  'visits.refusedHint': 'The server refused a record of this visit: tap the red ⚠ at the top for why and what to do.',
  'visits.voided': 'Voided',
  'visits.voidedBecause': 'Voided: {reason} ({time})',
  'visits.void': 'Void',
  'visits.blockedOpen': 'A customer is being served: finish with them first, then void a visit.',

  'visits.voidTitle': 'Void this visit',
  'visits.voidExplain':
    'The visit and its recommendations are kept and synced, but no longer count in the recommendation rate, sales or any other figure. You can void only your own visits of today, and a void cannot be undone.',
  'visits.quickReasons': 'Common reasons',
  'visits.quick.wrongCustomer': 'Wrong customer entered',
  'visits.quick.duplicate': 'Entered twice',
  'visits.quick.mistap': 'Tapped "Next customer" by mistake',
  'visits.quick.practice': 'Practice or demonstration',
  'visits.reasonLabel': 'Reason (required)',
  'visits.reasonCount': '{count}/{max} characters',
  'visits.reasonRequired': 'Give the reason for voiding the visit.',
  'visits.confirm': 'Void visit',
  'visits.cancel': 'Cancel',
  'visits.done': 'Voided: the visit no longer counts, and goes with the next sync.',

  'visits.refused.not_own': "This is a colleague's visit: you can void only your own.",
  'visits.refused.other_day': 'Only visits of today can be voided: this one stays counted; tell your manager if it was a mistake.',
  'visits.refused.already_voided': 'This visit is already voided.',
  'visits.refused.visit_open': 'A customer is being served: finish with them first, then void a visit.',
  'visits.refused.no_reason': 'Give the reason for voiding the visit (at most 200 characters).',
  'visits.refused.unknown_visit': 'This visit is not on this tablet: close the list and open it again.',
};
