/**
 * Spreadsheet formula injection (CWE-1236): a text cell that begins with one of these is read by
 * Excel, LibreOffice or WPS as a formula, or as the start of one. Staff names and campaign titles
 * are typed by people, so every text cell of an export goes through here; numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise<T extends string | number | null>(cell: T): T {
  return (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell) as T;
}
