/** What bench/ingestServer.ts prints when it is ready (one JSON line on stdout). */
export interface IngestServerInfo {
  url: string;
  sqliteFile: string;
  hallId: string;
  consultantId: string;
  campaignId: string;
  talkTrackId: string;
  devices: Array<{ id: string; token: string }>;
}

/** The baseline route the ingest server adds: parses the same JSON body and answers, stores nothing. */
export const ECHO_PATH = '/bench/echo';
