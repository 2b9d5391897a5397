import type { ExportFormat } from '../../shared/schemas/reports.ts';

/** The content type of each report export format: the route sends it, the OpenAPI description lists it. */
export const REPORT_FILE_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
