import type { HeldMessageKey } from './held.zh-CN.ts';

/** English for the records the server does not have: must have every key of the Chinese catalogue (the compiler checks it). */
export const heldEn: Record<HeldMessageKey, string> = {
  'manage.notStored.title': 'Records the server does not have',
  'manage.notStored.intro':
    'Every record made on a tablet that counts nowhere is here: those the server received and held back, and those revoked or expired tablets report they still hold.',
  'manage.notStored.summary': '{held} held back · {lost} never arrived',

  'manage.held.title': 'Received but held back',
  'manage.held.intro':
    'The server received these records but did not count them, for the reason given. They are kept: accept one whose only fault is its time once you have checked it; discard the others after checking. Both are kept in the audit.',
  'manage.held.none': 'No records held back.',
  'manage.held.showDecided': 'Also show decided ones',
  'manage.held.device': 'Tablet',
  'manage.held.reason': 'Reason',
  'manage.held.record': 'Record',
  'manage.held.recordTime': 'Recorded at',
  'manage.held.receivedAt': 'Received at',
  'manage.held.recordTimeIs': 'Recorded at {when}',
  'manage.held.receivedAtIs': 'Received at {when}',
  'manage.held.actions': 'Decision',
  'manage.held.noStaff': '(no person)',
  'manage.held.noTime': '(none)',
  'manage.held.seq': 'seq {seq}',
  'manage.held.accept': 'Accept…',
  'manage.held.discard': 'Discard…',
  'manage.held.status.accepted': 'Accepted',
  'manage.held.status.discarded': 'Discarded',
  'manage.held.decided': '{who}, {when}: {note}',

  'manage.held.reason.unsigned': 'Not signed: nothing shows that the person named made it on this tablet (an old app version, or a sign-in that had ended).',
  'manage.held.reason.bad_signature': 'Signature does not match: the record was changed after it was signed, or not signed with this person’s sign-in on this tablet.',
  'manage.held.reason.conflict': 'Conflict: this sequence number or record id is already stored with different content. Both are kept; check with the person.',
  'manage.held.reason.clock_out_of_range': 'Time out of range: recorded too long before it was received, or more than 5 minutes after (the tablet’s clock may be wrong).',
  'manage.held.reason.campaign_not_live': 'Campaign not live: at the record’s time the campaign was not yet published, or already retired.',
  'manage.held.reason.void_too_late': 'Voided too late: a visit can be voided only on its own day, so the visit still counts.',
  'manage.held.reason.invalid_record': 'Unreadable: the record is incomplete or malformed.',
  'manage.held.reason.wrong_device': 'Wrong tablet: the record names another tablet.',
  'manage.held.reason.unknown_staff': 'Unknown person: the person on the record is not of this hall.',
  'manage.held.reason.unknown_visit': 'Visit not yet stored: its visit had not arrived (it can be accepted once the visit has).',
  'manage.held.reason.unknown_campaign': 'The campaign does not exist, or does not apply to this hall.',
  'manage.held.reason.unknown_talk_track': 'The talk-track version is not one of the campaign’s.',
  'manage.held.reason.not_own_visit': 'Voided someone else’s visit: only the person who served it can void it.',
  'manage.held.reason.already_voided': 'The visit had already been voided.',

  'manage.held.accept.question': 'Accept this record and count it in {person}’s figures?',
  'manage.held.discard.question': 'Discard this record? It will count nowhere, but stays on file.',
  'manage.held.note': 'Reason (kept in the audit)',
  'manage.held.notePlaceholder': 'e.g. checked with the person: the tablet’s clock was a day behind',
  'manage.held.noteRequired': 'Say why.',
  'manage.held.accept.yes': 'Accept and count',
  'manage.held.discard.yes': 'Discard',
  'manage.held.cancel': 'Cancel',
  'manage.held.accepted': 'Accepted and counted: {kind}, {person}, {device}.',
  'manage.held.discarded': 'Discarded: {kind}, {person}, {device}.',
  'manage.held.stillRefused': 'It still cannot be counted: {reason}',

};
