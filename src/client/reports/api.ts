import type { z } from 'zod';
import { API } from '../../shared/apiPaths.ts';
import { DailyReport, VisitDetailResponse } from '../../shared/schemas/reports.ts';
import type { ApiClient, DownloadedFile, RequestOptions } from '../api/http.ts';
import type { QueryParams } from './filters.ts';

/** Who is asking: this browser's device token and the signed-in person's online session. */
export interface Credentials {
  deviceToken: string;
  sessionToken: string;
}

/** `path?a=1&b=2`, the parameters in the order given, empty ones left out. */
export function withQuery(path: string, params: QueryParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of params) if (value !== null && value !== '') query.set(key, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The reports' requests, checked with the shared schemas; every failure passes `onFailure` first. */
export function createReportsApi(api: ApiClient, credentials: Credentials, onFailure: (cause: unknown) => void = () => undefined) {
  const call = async <S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> => {
    try {
      return await api.request(path, schema, { ...options, ...credentials });
    } catch (cause) {
      onFailure(cause);
      throw cause;
    }
  };
  return {
    daily: (params: QueryParams) => call(withQuery(API.reportDaily, params), DailyReport),
    visits: (params: QueryParams) => call(withQuery(API.reportVisits, params), VisitDetailResponse),
    exportFile: async (params: QueryParams): Promise<DownloadedFile> => {
      try {
        return await api.requestFile(withQuery(API.reportExport, params), credentials);
      } catch (cause) {
        onFailure(cause);
        throw cause;
      }
    },
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;
