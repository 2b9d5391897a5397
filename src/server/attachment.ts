/**
 * File downloads: what a file name may hold on every desktop system, and the Content-Disposition
 * that carries it (RFC 6266): an ASCII `filename` for old clients and the UTF-8 `filename*`
 * (RFC 5987) that browsers prefer, so a hall's Chinese name survives the download.
 */

/** No path separators, quotes, control characters or spaces; runs of them become one `-`. */
export const safeName = (s: string): string =>
  s
    .replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');

/** The same, with anything outside printable ASCII dropped: the fallback `filename`. */
export const asciiName = (s: string): string => safeName(s.replace(/[^\x20-\x7e]+/g, '-'));

/** RFC 5987: percent-encoded UTF-8, with the characters encodeURIComponent leaves but attr-char forbids. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface FileNames {
  /** The name people see: may hold any Unicode; made safe here. */
  utf8: string;
  /** For clients that ignore filename*: made ASCII and safe here. */
  ascii: string;
}

export function attachment(names: FileNames): string {
  return `attachment; filename="${asciiName(names.ascii)}"; filename*=UTF-8''${rfc5987(safeName(names.utf8))}`;
}
