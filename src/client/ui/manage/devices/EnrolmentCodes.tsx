import { useState } from 'preact/hooks';
import type { EnrolmentCodeListResponse, IssuedEnrolmentCode, PendingEnrolmentCode } from '../../../../shared/schemas/people.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useLoad } from '../common/useLoad.ts';
import { useNotice } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import type { DeviceWhen } from './deviceText.ts';
import { IssuedCode } from './IssuedCode.tsx';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/**
 * "Enrol a new device": a name for it, then a one-time code (valid 24 hours) shown as text and QR
 * code; the codes not yet used are listed with who issued them, each one cancellable.
 */
export function EnrolmentCodes({ when, onEnrolled }: { when: DeviceWhen; onEnrolled: () => void }) {
  const { t, lang } = useManageI18n();
  const { api, enrolment, isAdmin } = useManage();
  const codes = useLoad<EnrolmentCodeListResponse>(() => api.enrolmentCodes(), [api]);
  const [deviceName, setDeviceName] = useState('');
  const [hallId, setHallId] = useState(enrolment.hall.id);
  const [issued, setIssued] = useState<IssuedEnrolmentCode | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem | null>(null);
  const halls = codes.data?.halls ?? [];
  const hallName = (id: string) => {
    const hall = halls.find((h) => h.id === id);
    return hall ? pick(hall.name, lang) : '';
  };

  const act = async (send: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    notice.say(null);
    try {
      await send();
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
      codes.reload();
    }
  };

  const issue = () => {
    setTried(true);
    if (deviceName.trim() === '') return;
    void act(async () => {
      const answer = await api.issueEnrolmentCode({ deviceName: deviceName.trim(), ...(isAdmin ? { hallId } : {}) });
      setIssued(answer.code);
      setDeviceName('');
      setTried(false);
    });
  };

  const cancel = (code: PendingEnrolmentCode) =>
    void act(async () => {
      await api.cancelEnrolmentCode(code.id);
      if (issued?.id === code.id) setIssued(null);
      notice.say((i18n) => i18n.t('manage.codes.cancelled', { device: code.deviceName ?? '' }));
    });

  const pending = codes.data?.codes ?? [];
  const missingName = tried && deviceName.trim() === '';
  return (
    <section class="m-enrolment-codes" aria-labelledby="codes-title" data-testid="enrolment-codes">
      <h2 id="codes-title">{t('manage.codes.title')}</h2>
      <p class="muted">{t('manage.codes.intro')}</p>
      <form
        class="card m-code-form"
        onSubmit={(e) => {
          e.preventDefault();
          issue();
        }}
      >
        <div class="m-grid">
          <label class={missingName ? 'm-field m-invalid' : 'm-field'}>
            <span class="m-label">
              {t('manage.codes.deviceName')} <span class="m-required">*</span>
            </span>
            <input
              type="text"
              data-testid="code-device-name"
              maxLength={80}
              placeholder={t('manage.codes.deviceNameExample')}
              value={deviceName}
              onInput={(e) => setDeviceName(e.currentTarget.value)}
            />
            {missingName && <span class="m-note m-note-missing">{t('manage.codes.nameRequired')}</span>}
          </label>
          {isAdmin && halls.length > 1 && (
            <label class="m-field">
              <span class="m-label">{t('manage.devices.hall')}</span>
              <select data-testid="code-hall" value={hallId} onChange={(e) => setHallId(e.currentTarget.value)}>
                {halls.map((h) => (
                  <option key={h.id} value={h.id}>
                    {pick(h.name, lang)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" data-testid="code-issue" disabled={busy}>
            {t('manage.codes.issue')}
          </button>
        </div>
      </form>
      {problem && <ProblemNote problem={problem} testId="codes-problem" />}
      {notice.text && (
        <p class="msg msg-info" role="status" data-testid="codes-notice">
          {notice.text}
        </p>
      )}
      {issued && (
        <IssuedCode
          code={issued}
          expires={when(issued.hallId, issued.expiresAt, t)}
          onDone={() => {
            // By now the tablet may have used it: both lists are read again.
            setIssued(null);
            codes.reload();
            onEnrolled();
          }}
        />
      )}
      <h3 id="pending-title">{t('manage.codes.pending')}</h3>
      {codes.problem && <ProblemNote problem={codes.problem} onRetry={codes.reload} testId="codes-load-problem" />}
      {codes.data && pending.length === 0 && (
        <p class="muted" data-testid="codes-none">
          {t('manage.codes.none')}
        </p>
      )}
      {pending.length > 0 && (
        <ScrollRegion class="m-table-wrap">
          <table class="m-table" data-testid="codes-table" aria-labelledby="pending-title">
            <thead>
              <tr>
                <th scope="col">{t('manage.codes.deviceName')}</th>
                {halls.length > 1 && <th scope="col">{t('manage.devices.hall')}</th>}
                <th scope="col">{t('manage.codes.issuedBy')}</th>
                <th scope="col">{t('manage.codes.expires')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('manage.codes.cancel')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((c) => (
                <tr key={c.id} data-testid={`code-row-${c.id}`}>
                  <td class="m-name">{c.deviceName ?? t('manage.devices.unnamed')}</td>
                  {halls.length > 1 && <td class="text">{hallName(c.hallId)}</td>}
                  <td class="text">
                    {c.createdBy?.name ?? t('manage.codes.bySetup')} <span class="muted">{when(c.hallId, c.createdAt, t)}</span>
                  </td>
                  <td>{when(c.hallId, c.expiresAt, t)}</td>
                  <td>
                    <button type="button" class="btn btn-secondary" data-testid={`code-cancel-${c.id}`} disabled={busy} onClick={() => cancel(c)}>
                      {t('manage.codes.cancel')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
