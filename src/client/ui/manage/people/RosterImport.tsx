import { useState } from 'preact/hooks';
import type { PersonResponse, RosterImportResponse } from '../../../../shared/schemas/people.ts';
import { personName } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { downloadBlob } from '../../../manage/download.ts';
import { fileBase64 } from '../../../manage/fileBase64.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { rosterTemplate } from '../../../manage/rosterTemplate.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useManage } from '../ManageContext.tsx';
import { AddedPeople } from './AddedPeople.tsx';
import { RosterHeaders } from './RosterHeaders.tsx';
import { RosterIssues } from './RosterIssues.tsx';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/** What the server takes (1,000,000 base64 characters). */
const MAX_FILE_BYTES = 700 * 1024;

interface Chosen {
  fileName: string;
  contentBase64: string;
}

/**
 * The hall's roster from the spreadsheet it already keeps (CSV or XLSX, Chinese or English
 * headers): checked first without adding anyone, every refused row named; then imported at once,
 * all rows or none, and the new people's one-time PINs and codes listed for printing.
 */
export function RosterImport({ hallId, hallName, timeZone, onImported }: { hallId: string; hallName: string; timeZone: string; onImported: (added: PersonResponse[]) => void }) {
  const { t, lang } = useManageI18n();
  const { api } = useManage();
  const [fileName, setFileName] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<RosterImportResponse | null>(null);
  const [added, setAdded] = useState<PersonResponse[] | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const check = async (file: Chosen) => {
    setBusy(true);
    try {
      setPreview(await api.importRoster({ hallId, ...file, dryRun: true }));
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setChosen(null);
    setPreview(null);
    setAdded(null);
    setProblem(null);
    setTooLarge(false);
    setFileName(file?.name ?? null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setTooLarge(true);
    const next = { fileName: file.name, contentBase64: await fileBase64(file) };
    setChosen(next);
    await check(next);
  };

  const importNow = async () => {
    if (!chosen || !preview || added) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.importRoster({ hallId, ...chosen, dryRun: false });
      setAdded(answer.added);
      onImported(answer.added);
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card m-import m-roster" aria-labelledby="roster-title" data-testid="roster-import">
      <h2 id="roster-title">{t('manage.roster.title', { hall: hallName })}</h2>
      <p class="muted">{t('manage.roster.hint')}</p>
      <RosterHeaders />
      <div class="m-file-row">
        {/* The browser's own file control, unseen, covers the button: a tap anywhere on it opens the file picker. */}
        <label class={fileName ? 'btn btn-secondary m-file-pick' : 'btn btn-primary m-file-pick'}>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="roster-file"
            aria-describedby="roster-file-name"
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget)}
          />
          {t(fileName ? 'manage.roster.chooseAgain' : 'manage.roster.choose')}
        </label>
        <span id="roster-file-name" class={fileName ? 'm-file-name' : 'm-file-name muted'} data-testid="roster-file-name">
          {fileName ?? t('manage.roster.noFile')}
        </span>
        <button type="button" class="btn btn-secondary m-file-template" data-testid="roster-template" onClick={() => downloadBlob(rosterTemplate(lang), t('manage.roster.templateFile'))}>
          {t('manage.roster.template')}
        </button>
      </div>
      {tooLarge && (
        <p class="msg msg-error" role="alert" data-testid="roster-too-large">
          {t('manage.roster.tooLarge')}
        </p>
      )}
      {busy && <p class="loading">{t('manage.working')}</p>}
      {problem?.kind === 'roster' && <RosterIssues issues={problem.issues} />}
      {problem && problem.kind !== 'roster' && <ProblemNote problem={problem} testId="roster-problem" />}
      {preview && !added && (
        <div data-testid="roster-preview">
          <p>{t('manage.roster.checked', { file: chosen?.fileName ?? '', count: preview.rows.length })}</p>
          <ScrollRegion class="m-table-wrap">
            <table class="m-table">
              <thead>
                <tr>
                  <th scope="col">{t('manage.roster.row')}</th>
                  <th scope="col">{t('manage.staff.name')}</th>
                  <th scope="col">{t('manage.staff.staffNo')}</th>
                  <th scope="col">{t('manage.staff.role')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} data-testid={`roster-row-${r.row}`}>
                    <td>{r.row}</td>
                    <td class="m-name">{personName(r, lang)}</td>
                    <td>{r.staffNo ?? ''}</td>
                    <td>{t(`role.${r.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
      {preview && (
        <div class="actions">
          <button type="button" class="btn btn-primary" data-testid="roster-submit" disabled={busy || added !== null} onClick={() => void importNow()}>
            {added ? t('manage.roster.imported', { count: added.length }) : t('manage.roster.submit', { count: preview.rows.length })}
          </button>
        </div>
      )}
      {added && <AddedPeople added={added} hallName={hallName} timeZone={timeZone} />}
    </section>
  );
}
