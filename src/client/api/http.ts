import { ApiError } from '../../shared/schemas/auth.ts';
import { SESSION_HEADER } from '../../shared/apiPaths.ts';
import type { z } from 'zod';

/**
 * The server answered, but not with success; `error` is its code, `message` its reason. `body` is
 * the whole error body as parsed JSON (some errors carry more, e.g. the fields still missing).
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly body: unknown = null,
    /** From Retry-After (429, 503): how long the server asked to wait before the next try. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** The values the refusal's message carries (errorCodes.ts names them), for the page's own words. */
  get params(): Record<string, string | number> {
    const parsed = ApiError.safeParse(this.body);
    return parsed.success ? (parsed.data.params ?? {}) : {};
  }
}

/** The server could not be reached, or its answer was cut off. */
export class NetworkFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkFailure';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  deviceToken?: string;
  sessionToken?: string | null;
  signal?: AbortSignal;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A file the server sent as a download, with the name it gave it (`content-disposition`). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

export interface ApiClient {
  request<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>>;
  requestNoContent(path: string, options?: RequestOptions): Promise<void>;
  requestFile(path: string, options?: RequestOptions): Promise<DownloadedFile>;
}

/** The file name of a `content-disposition` header: the UTF-8 `filename*` (RFC 5987) when given, else `filename`. */
export function fileNameOf(header: string | null): string | null {
  if (header === null) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1] ?? null;
}

export function createApiClient(baseUrl = '', fetchImpl: FetchLike = (i, init) => fetch(i, init)): ApiClient {
  async function send(path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.deviceToken) headers.authorization = `Bearer ${options.deviceToken}`;
    if (options.sessionToken) headers[SESSION_HEADER] = options.sessionToken;
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
    } catch (cause) {
      throw new NetworkFailure(cause instanceof Error ? cause.message : String(cause));
    }
    if (!response.ok) throw await failureOf(response);
    return response;
  }

  return {
    async request(path, schema, options = {}) {
      const response = await send(path, options);
      let json: unknown;
      try {
        json = await response.json();
      } catch (cause) {
        // A body cut off mid-way: the request may or may not have been applied; callers retry.
        throw new NetworkFailure(`incomplete answer from the server: ${String(cause)}`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new ApiFailure(response.status, 'bad_response', 'the server sent an answer this app does not understand; update the app');
      return parsed.data;
    },
    async requestNoContent(path, options = {}) {
      await send(path, options);
    },
    async requestFile(path, options = {}) {
      const response = await send(path, options);
      try {
        return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
      } catch (cause) {
        throw new NetworkFailure(`incomplete download from the server: ${String(cause)}`);
      }
    },
  };
}

async function failureOf(response: Response): Promise<ApiFailure | NetworkFailure> {
  // Gateways (502/503/504) mean the server was not reached; treat them like a network failure.
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new NetworkFailure(`server unavailable (HTTP ${response.status})`);
  }
  const retryAfterMs = retryAfter(response.headers.get('retry-after'));
  try {
    const json: unknown = await response.json();
    const body = ApiError.safeParse(json);
    if (body.success) return new ApiFailure(response.status, body.data.error, body.data.message, json, retryAfterMs);
  } catch {
    // fall through to the generic failure below
  }
  return new ApiFailure(response.status, 'http_' + response.status, `the server answered HTTP ${response.status}`, null, retryAfterMs);
}

/** Retry-After in seconds (what the server sends); an HTTP date or nonsense is ignored. */
function retryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}
