/** What bench/ingestServer.ts prints when it is ready (one JSON line on stdout). */
export interface IngestServerInfo {
  url: string;
  sqliteFile: string;
  hallId: string;
  consultantId: string;
  campaignId: string;
  talkTrackId: string;
  /** Each tablet with the consultant's signing key on it, as an online sign-in gives it. */
  devices: Array<{ id: string; token: string; signingKey: { id: string; secret: string } }>;
}

/** The baseline route the ingest server adds: parses the same JSON body and answers, stores nothing. */
export const ECHO_PATH = '/bench/echo';
