import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../../../shared/schemas/reports.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { downloadBlob } from '../../../manage/download.ts';
import { exportParams, type Filters } from '../../../reports/filters.ts';
import { reportProblemOf, type ReportProblem } from '../../../reports/problems.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useReports } from '../ReportsContext.tsx';

/**
 * CSV (the table shown) and XLSX (both tables) of exactly what is on screen: the same filters,
 * in the UI's language, saved under the name the server gave the file.
 */
export function ExportButtons({ filters, disabled }: { filters: Filters; disabled: boolean }) {
  const { t, lang } = useReportsI18n();
  const { api, scopeContext } = useReports();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<ReportProblem | null>(null);

  const run = async (format: ExportFormat) => {
    if (!api || busy) return;
    setBusy(format);
    setSaved(null);
    setProblem(null);
    try {
      const { blob, fileName } = await api.exportFile(exportParams(filters, scopeContext, format, lang));
      const name = fileName ?? `talktrack-${format === 'xlsx' ? 'report' : `by-${filters.table}`}-${filters.from}_${filters.to}.${format}`;
      downloadBlob(blob, name);
      setSaved(name);
    } catch (cause) {
      setProblem(reportProblemOf(cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="r-export" role="group" aria-label={t('reports.export')}>
      <button type="button" class="btn btn-secondary" data-testid="export-csv" disabled={disabled || busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? t('reports.export.working') : t('reports.export.csv')}
      </button>
      <button type="button" class="btn btn-secondary" data-testid="export-xlsx" disabled={disabled || busy !== null} onClick={() => void run('xlsx')}>
        {busy === 'xlsx' ? t('reports.export.working') : t('reports.export.xlsx')}
      </button>
      <span class="hint r-export-hint">{t('reports.export.hint')}</span>
      {saved && (
        <span class="r-export-done" role="status" data-testid="export-done" data-file={saved}>
          {t('reports.export.done', { name: saved })}
        </span>
      )}
      {problem && <ProblemNote problem={problem} testId="export-problem" />}
    </div>
  );
}
