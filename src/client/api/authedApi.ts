import type { z } from 'zod';
import type { ApiClient, DownloadedFile, RequestOptions } from './http.ts';

/** Who is asking: this browser's device token and the signed-in person's online session. */
export interface Credentials {
  deviceToken: string;
  sessionToken: string;
}

/**
 * Requests made as the signed-in person (manager and report pages): each carries both tokens, and
 * every failure goes past `onFailure` first (an expired session closes the pages' gate).
 */
export function authedApi(api: ApiClient, credentials: Credentials, onFailure: (cause: unknown) => void) {
  const guard = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (cause) {
      onFailure(cause);
      throw cause;
    }
  };
  return {
    call: <S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> =>
      guard(() => api.request(path, schema, { ...options, ...credentials })),
    /** A request answered with no body (204). */
    send: (path: string, options: RequestOptions = {}): Promise<void> => guard(() => api.requestNoContent(path, { ...options, ...credentials })),
    file: (path: string): Promise<DownloadedFile> => guard(() => api.requestFile(path, credentials)),
  };
}
