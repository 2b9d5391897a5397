import { API } from '../../shared/apiPaths.ts';
import { DailyReport, VisitDetailResponse } from '../../shared/schemas/reports.ts';
import { authedApi, type Credentials } from '../api/authedApi.ts';
import type { ApiClient, DownloadedFile } from '../api/http.ts';
import type { QueryParams } from './filters.ts';

/** `path?a=1&b=2`, the parameters in the order given, empty ones left out. */
export function withQuery(path: string, params: QueryParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of params) if (value !== null && value !== '') query.set(key, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The reports' requests, checked with the shared schemas; every failure passes `onFailure` first. */
export function createReportsApi(api: ApiClient, credentials: Credentials, onFailure: (cause: unknown) => void = () => undefined) {
  const { call, file } = authedApi(api, credentials, onFailure);
  return {
    daily: (params: QueryParams) => call(withQuery(API.reportDaily, params), DailyReport),
    visits: (params: QueryParams) => call(withQuery(API.reportVisits, params), VisitDetailResponse),
    exportFile: (params: QueryParams): Promise<DownloadedFile> => file(withQuery(API.reportExport, params)),
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;
