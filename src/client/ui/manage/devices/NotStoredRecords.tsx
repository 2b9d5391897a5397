import { useState } from 'preact/hooks';
import type { LostRecordsResponse } from '../../../../shared/schemas/devices.ts';
import { HeldReason, type HeldRecord, type HeldRecordListResponse } from '../../../../shared/schemas/heldRecords.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import type { Loaded } from '../common/useLoad.ts';
import { useLoad } from '../common/useLoad.ts';
import { useNotice } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import type { DeviceWhen } from './deviceText.ts';
import { kindName } from './deviceText.ts';
import { type HeldAction, HeldDecision } from './HeldDecision.tsx';
import { HeldRecordsTable } from './HeldRecordsTable.tsx';
import { heldDevice, heldPerson, heldReasonText } from './heldText.ts';
import { LostRecordsTable } from './LostRecordsTable.tsx';

/**
 * Everything made on a tablet that counts nowhere, in one place: records the server received and
 * held back (accepted or discarded here, with a reason), and what revoked or expired tablets said
 * they still hold (those never arrived: the tablet itself must be found).
 */
export function NotStoredRecords({ lost, halls, when }: { lost: Loaded<LostRecordsResponse>; halls: readonly Hall[]; when: DeviceWhen }) {
  const { t } = useManageI18n();
  const { api } = useManage();
  const [showDecided, setShowDecided] = useState(false);
  const held = useLoad<HeldRecordListResponse>(() => api.heldRecords({ status: showDecided ? 'all' : 'held' }), [api, showDecided]);
  const [deciding, setDeciding] = useState<{ record: HeldRecord; action: HeldAction } | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem | null>(null);

  const decide = async (record: HeldRecord, action: HeldAction, note: string) => {
    setBusy(true);
    setProblem(null);
    notice.say(null);
    try {
      const answer = await (action === 'accept' ? api.acceptHeld(record.id, note) : api.discardHeld(record.id, note));
      // The row stays, showing what was decided: the list is not read again under the manager's finger.
      const records = held.data?.records ?? [];
      held.setData({ records: records.map((r) => (r.id === answer.record.id ? answer.record : r)) });
      notice.say((i18n) =>
        i18n.t(action === 'accept' ? 'manage.held.accepted' : 'manage.held.discarded', {
          kind: kindName(answer.record.kind, i18n.t),
          person: heldPerson(answer.record, i18n.t),
          device: heldDevice(answer.record, i18n.t),
        }),
      );
      setDeciding(null);
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const records = held.data?.records ?? [];
  const stillHeld = records.filter((r) => r.status === 'held').length;
  const reports = lost.data?.reports ?? [];
  const missing = reports.reduce((sum, r) => sum + r.missing, 0);
  return (
    <section class="m-not-stored" aria-labelledby="not-stored-title" data-testid="not-stored">
      <h2 id="not-stored-title">{t('manage.notStored.title')}</h2>
      <p class="muted">{t('manage.notStored.intro')}</p>
      {held.data && lost.data && (
        <p class="m-not-stored-summary" data-testid="not-stored-summary" data-held={String(stillHeld)} data-lost={String(missing)}>
          {t('manage.notStored.summary', { held: stillHeld, lost: missing })}
        </p>
      )}

      <h3 id="held-title">{t('manage.held.title')}</h3>
      <p class="muted">{t('manage.held.intro')}</p>
      <label class="m-check m-held-filter">
        <input type="checkbox" data-testid="held-show-decided" checked={showDecided} onChange={(e) => setShowDecided(e.currentTarget.checked)} />
        <span>{t('manage.held.showDecided')}</span>
      </label>
      {notice.text && (
        <p class="msg msg-info" role="status" data-testid="held-notice">
          {notice.text}
        </p>
      )}
      {problem && <DecisionProblem problem={problem} />}
      {deciding && (
        <HeldDecision
          key={`${deciding.record.id}-${deciding.action}`}
          record={deciding.record}
          action={deciding.action}
          busy={busy}
          onConfirm={(note) => void decide(deciding.record, deciding.action, note)}
          onCancel={() => setDeciding(null)}
        />
      )}
      {held.problem && <ProblemNote problem={held.problem} onRetry={held.reload} testId="held-load-problem" />}
      {!held.data && !held.problem && <p class="loading">{t('app.loading')}</p>}
      {held.data && records.length === 0 && (
        <p class="muted" data-testid="held-none">
          {t('manage.held.none')}
        </p>
      )}
      {records.length > 0 && (
        <HeldRecordsTable
          records={records}
          halls={halls}
          when={when}
          busy={busy}
          onDecide={(record, action) => {
            setProblem(null);
            setDeciding({ record, action });
          }}
        />
      )}

      <h3 id="lost-title">{t('manage.lost.title')}</h3>
      <p class="muted">{t('manage.lost.intro')}</p>
      {lost.problem && <ProblemNote problem={lost.problem} onRetry={lost.reload} testId="lost-problem" />}
      {lost.data && reports.length === 0 && (
        <p class="muted" data-testid="lost-none">
          {t('manage.lost.none')}
        </p>
      )}
      {lost.data && reports.length > 0 && <LostRecordsTable reports={reports} when={when} />}
    </section>
  );
}

/** An accept the push rules still refuse (its visit has not arrived, say) is worded by that reason. */
function DecisionProblem({ problem }: { problem: Problem }) {
  const { t } = useManageI18n();
  const still = problem.kind === 'server' ? HeldReason.safeParse(problem.error) : null;
  if (!still?.success) return <ProblemNote problem={problem} testId="held-problem" />;
  return (
    <div class="msg msg-error m-problem" role="alert" data-testid="held-problem" data-kind="still_refused">
      <p class="text">{t('manage.held.stillRefused', { reason: heldReasonText({ reason: still.data }, t) })}</p>
    </div>
  );
}
