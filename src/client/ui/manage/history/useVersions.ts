import { useEffect, useState } from 'preact/hooks';
import type { VersionResponse } from '../../../../shared/schemas/manage.ts';
import type { ManageApi } from '../../../manage/api.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';

export type VersionEntry = { state: 'loading' } | { state: 'ready'; value: VersionResponse } | { state: 'failed'; problem: Problem };

/** Published versions read on demand and kept: a version never changes once published. */
export function useVersions(api: ManageApi, campaignId: string, wanted: readonly string[]): ReadonlyMap<string, VersionEntry> {
  const [entries, setEntries] = useState<ReadonlyMap<string, VersionEntry>>(new Map());
  const key = wanted.join(',');
  useEffect(() => {
    const missing = wanted.filter((id) => !entries.has(id) || entries.get(id)?.state === 'failed');
    if (missing.length === 0) return;
    const put = (id: string, entry: VersionEntry) => setEntries((m) => new Map(m).set(id, entry));
    for (const id of missing) {
      put(id, { state: 'loading' });
      api.version(campaignId, id).then(
        (value) => put(id, { state: 'ready', value }),
        (cause: unknown) => put(id, { state: 'failed', problem: problemOf(cause) }),
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, campaignId, key]);
  return entries;
}
