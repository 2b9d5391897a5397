import { useMemo } from 'preact/hooks';
import type { TalkTrackVersion } from '../../../../shared/schemas/reference.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { diffVersions, type DiffPart } from '../../../manage/versionDiff.ts';
import { fieldLabel } from '../editor/fieldLabel.ts';

function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <p class="text m-diff-text">
      {parts.map((p, i) =>
        p.change === 'added' ? (
          <ins key={i} class="m-ins">
            {p.text}
          </ins>
        ) : p.change === 'removed' ? (
          <del key={i} class="m-del">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

/** Field by field, from one version to another: insertions and deletions marked, unchanged fields folded away. */
export function VersionDiff({ from, to }: { from: TalkTrackVersion; to: TalkTrackVersion }) {
  const { t } = useManageI18n();
  const fields = useMemo(() => diffVersions(from, to), [from, to]);
  const changed = fields.filter((f) => f.changed);
  const same = fields.filter((f) => !f.changed && f.parts.length > 0);
  return (
    <div class="m-diff" data-testid="version-diff" data-changed={changed.length}>
      <p class="hint">{t('manage.history.diffLegend', { from: from.version, to: to.version })}</p>
      {changed.length === 0 && <p class="msg msg-info">{t('manage.history.noChanges')}</p>}
      {changed.map((f) => (
        <section key={`${f.path}.${f.lang}`} class="m-diff-field" data-testid={`diff-field-${f.path}.${f.lang}`}>
          <h3>{fieldLabel(`${f.path}.${f.lang}`, t)}</h3>
          <Parts parts={f.parts} />
        </section>
      ))}
      {same.length > 0 && (
        <details class="m-diff-same" data-testid="diff-unchanged">
          <summary>{t('manage.history.unchanged', { count: same.length })}</summary>
          <ul>
            {same.map((f) => (
              <li key={`${f.path}.${f.lang}`}>{fieldLabel(`${f.path}.${f.lang}`, t)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
