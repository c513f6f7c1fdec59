// CSV output (history --csv): RFC 4180 quoting by csv-stringify, and formula injection guarded as OWASP advises:
// a cell that starts with = + - @ (or their full-width forms), a tab or a carriage return gets a leading apostrophe
// and is quoted, so a spreadsheet shows the text instead of running it. Only the CSV cells change; JSON output keeps
// the data as the tenant holds it.
import { stringify } from 'csv-stringify/sync';

export function toCsv(header: string[], rows: (string | undefined)[][]): string {
  return stringify([header, ...rows.map((r) => r.map((c) => c ?? ''))], {
    escape_formulas: true,
    // The apostrophe is added before quoting is decided; this pattern matches such a cell (and one that began so).
    quoted_match: /^['=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/,
    record_delimiter: 'windows',
  });
}
