import { useState } from 'preact/hooks';
import { type CampaignFileResult, parseCampaignFile } from '../../../../shared/campaignFile.ts';
import type { ManagedCampaign } from '../../../../shared/schemas/manage.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { fileErrorText, ProblemNote } from '../common/ProblemNote.tsx';
import { HallPicker } from '../common/HallPicker.tsx';
import { useManage } from '../ManageContext.tsx';

interface Chosen {
  name: string;
  text: string;
  check: CampaignFileResult;
}

/**
 * Import a campaign file: it is checked here first (the same reader the server uses), so a wrong
 * file is named by line and field before anything is sent; an admin chooses the halls it is for.
 */
export function ImportPanel({ halls, onImported, onClose }: { halls: readonly Hall[]; onImported: (created: ManagedCampaign[]) => void; onClose: () => void }) {
  const { t, lang } = useManageI18n();
  const { api, isAdmin } = useManage();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [hallIds, setHallIds] = useState<string[]>(() => (isAdmin ? [] : halls.map((h) => h.id)));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<ManagedCampaign[] | null>(null);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setProblem(null);
    setCreated(null);
    if (!file) return setChosen(null);
    const text = await file.text();
    setChosen({ name: file.name, text, check: parseCampaignFile(text) });
  };

  const upload = async () => {
    if (!chosen?.check.ok || hallIds.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.importFile(chosen.text, hallIds);
      setCreated(answer.created);
      onImported(answer.created);
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const check = chosen?.check;
  return (
    <section class="card m-import" aria-labelledby="import-title" data-testid="import-panel">
      <div class="m-section-head">
        <h2 id="import-title">{t('manage.import.title')}</h2>
        <button type="button" class="btn btn-quiet" onClick={onClose}>
          {t('manage.close')}
        </button>
      </div>
      <p class="hint">{t('manage.import.hint')}</p>
      <label class="m-field">
        <span>{t('manage.import.file')}</span>
        <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void choose(e.currentTarget)} />
      </label>
      {check && !check.ok && (
        <p class="msg msg-error text" role="alert" data-testid="import-file-error" data-line={check.line} data-field={check.field}>
          {t('manage.import.refused', { file: chosen.name })} {fileErrorText(check, t, lang)}
        </p>
      )}
      {check?.ok && (
        <div class="msg msg-info" data-testid="import-file-ok">
          <p>{t('manage.import.fileOk', { count: check.file.campaigns.length })}</p>
          <ul class="m-import-titles">
            {check.file.campaigns.map((c, i) => (
              <li key={i} class="text">
                {pick(c.campaign.title, lang)} · {c.campaign.offerCode}
              </li>
            ))}
          </ul>
        </div>
      )}
      <HallPicker halls={halls} selected={hallIds} editable={isAdmin} onChange={setHallIds} testIdPrefix="import-hall" legend={t('manage.import.halls')} />
      {problem &&
        (problem.kind === 'invalid_file' ? (
          <p class="msg msg-error text" role="alert" data-testid="import-server-error" data-line={problem.line} data-field={problem.field}>
            {t('manage.import.serverRefused')} {fileErrorText(problem, t, lang)}
          </p>
        ) : (
          <ProblemNote problem={problem} testId="import-server-error" />
        ))}
      {created && (
        <div class="msg msg-info" role="status" data-testid="import-result">
          <p>{t('manage.import.done', { count: created.length })}</p>
          <ul>
            {created.map((c) => (
              <li key={c.id}>
                <a href={`/manage/campaigns/${c.id}`} class="text">
                  {pick(c.campaign.title, lang)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          data-testid="import-submit"
          disabled={busy || !check?.ok || hallIds.length === 0}
          onClick={() => void upload()}
        >
          {busy ? t('manage.working') : t('manage.import.submit')}
        </button>
        {check?.ok && hallIds.length === 0 && <span class="hint">{t('manage.import.chooseHall')}</span>}
      </div>
    </section>
  );
}
