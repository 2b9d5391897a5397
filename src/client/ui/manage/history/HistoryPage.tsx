import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import type { CampaignDetailResponse, VersionSummary } from '../../../../shared/schemas/manage.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { StatusBadges } from '../common/StatusBadges.tsx';
import { timeZoneOf, useHalls } from '../common/useHalls.ts';
import { useLoad } from '../common/useLoad.ts';
import { useManage } from '../ManageContext.tsx';
import { useVersions, type VersionEntry } from './useVersions.ts';
import { VersionDiff } from './VersionDiff.tsx';
import { VersionView } from './VersionView.tsx';

/** Published versions, newest first: who published each and when; any one read-only; any two compared. */
export function HistoryPage() {
  const { params } = useRoute();
  const campaignId = params.campaignId ?? '';
  const { t, lang } = useManageI18n();
  const { api, enrolment } = useManage();
  const halls = useHalls();
  const detail = useLoad<CampaignDetailResponse>(() => api.detail(campaignId), [api, campaignId]);
  const versions = useMemo(() => detail.data?.versions ?? [], [detail.data]);
  const [viewing, setViewing] = useState<string | null>(null);
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);

  // Compare the two newest by default.
  useEffect(() => {
    if (versions.length >= 2 && fromId === null && toId === null) {
      setFromId(versions[1]!.id);
      setToId(versions[0]!.id);
    }
  }, [versions, fromId, toId]);

  const wanted = [viewing, fromId, toId].filter((id): id is string => id !== null);
  const entries = useVersions(api, campaignId, wanted);

  if (detail.problem) return <section class="m-page"><ProblemNote problem={detail.problem} onRetry={detail.reload} /></section>;
  if (!detail.data) return <p class="loading">{t('app.loading')}</p>;
  const { campaign } = detail.data;
  const timeZone = timeZoneOf(campaign.hallIds, halls, enrolment.hall.timeZone);
  const label = (v: VersionSummary) =>
    v.publishedAt ? t('manage.history.versionAt', { version: v.version, time: formatDateTime(v.publishedAt, lang, timeZone) }) : `v${v.version}`;
  const options = versions.map((v) => ({ id: v.id, label: label(v) }));

  return (
    <section class="m-page m-history-page" aria-labelledby="history-title" data-testid="history">
      <div class="m-page-head">
        <a href="/manage" class="btn btn-quiet">
          {t('manage.editor.back')}
        </a>
        <h1 id="history-title" class="text">
          {t('manage.history.title', { title: pick(campaign.campaign.title, lang) })}
        </h1>
        <StatusBadges campaign={campaign} />
        <a href={`/manage/campaigns/${campaign.id}`} class="btn btn-secondary">
          {campaign.canEdit && campaign.status !== 'retired' ? t('manage.list.edit') : t('manage.list.view')}
        </a>
      </div>
      <p class="hint">{t('manage.history.timeZone', { zone: timeZone })}</p>
      {versions.length === 0 && <p class="muted">{t('manage.history.none')}</p>}
      <ol class="m-versions" data-testid="history-versions">
        {versions.map((v) => (
          <li key={v.id} class="m-version" data-testid={`history-version-${v.version}`}>
            <strong>v{v.version}</strong>
            <span>{v.publishedAt ? formatDateTime(v.publishedAt, lang, timeZone) : '—'}</span>
            <span class="muted">{v.publishedBy ? t('manage.history.by', { name: v.publishedBy.name }) : ''}</span>
            <button
              type="button"
              class="btn btn-secondary"
              data-testid={`history-view-${v.version}`}
              aria-pressed={viewing === v.id}
              onClick={() => setViewing(viewing === v.id ? null : v.id)}
            >
              {viewing === v.id ? t('manage.close') : t('manage.list.view')}
            </button>
          </li>
        ))}
      </ol>
      {viewing && (
        <section class="card" aria-label={t('manage.history.viewing')}>
          <Entry entry={entries.get(viewing)} render={(r) => <VersionView version={r.version} />} />
        </section>
      )}
      {versions.length >= 2 && (
        <section class="card m-compare" aria-labelledby="compare-title">
          <h2 id="compare-title">{t('manage.history.compare')}</h2>
          <div class="m-grid">
            <VersionSelect testId="diff-from" title={t('manage.history.from')} value={fromId} options={options} onChange={setFromId} />
            <VersionSelect testId="diff-to" title={t('manage.history.to')} value={toId} options={options} onChange={setToId} />
          </div>
          {fromId && toId && (
            <Entry
              entry={entries.get(fromId)}
              render={(from) => <Entry entry={entries.get(toId)} render={(to) => <VersionDiff from={from.version} to={to.version} />} />}
            />
          )}
        </section>
      )}
    </section>
  );
}

function Entry({ entry, render }: { entry: VersionEntry | undefined; render: (value: Extract<VersionEntry, { state: 'ready' }>['value']) => JSX.Element }) {
  const { t } = useManageI18n();
  if (!entry || entry.state === 'loading') return <p class="loading">{t('app.loading')}</p>;
  if (entry.state === 'failed') return <ProblemNote problem={entry.problem} />;
  return render(entry.value);
}

interface VersionSelectProps {
  testId: string;
  title: string;
  value: string | null;
  options: readonly { id: string; label: string }[];
  onChange: (id: string) => void;
}

/** One end of the comparison: which version. */
function VersionSelect({ testId, title, value, options, onChange }: VersionSelectProps) {
  return (
    <label class="m-field">
      <span class="m-label">{title}</span>
      <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
