import type { ExportFormat, ExportTable, ReportLang } from '../../shared/schemas/reports.ts';
import { asciiName, type FileNames, safeName } from '../attachment.ts';
import type { ReportScope } from './scope.ts';

/**
 * `talktrack-by-person-<hall>-<from>_<to>.csv`, `talktrack-report-<hall>-<from>_<to>.xlsx`: the hall
 * named in the export's language (its English name, or `hall`, in the ASCII fallback), or
 * `all-halls` when an admin exported every hall.
 */
export function reportFileNames(
  scope: ReportScope,
  range: { from: string; to: string },
  format: ExportFormat,
  table: ExportTable,
  lang: ReportLang,
): FileNames {
  const what = format === 'xlsx' ? 'report' : `by-${table}`;
  const hall = scope.allHalls || scope.halls.length !== 1 ? undefined : scope.halls[0];
  const name = hall === undefined ? undefined : lang === 'en' && hall.name.en ? hall.name.en : hall.name.zh;
  const utf8Hall = name === undefined ? 'all-halls' : safeName(name) || 'hall';
  const asciiHall = hall === undefined ? 'all-halls' : asciiName(hall.name.en ?? '') || 'hall';
  const days = range.from === range.to ? range.from : `${range.from}_${range.to}`;
  return {
    utf8: `talktrack-${what}-${utf8Hall}-${days}.${format}`,
    ascii: `talktrack-${what}-${asciiHall}-${days}.${format}`,
  };
}
