/**
 * CSV that opens cleanly in a spreadsheet: UTF-8 with a byte order mark so Excel reads accents,
 * every field quoted, CRLF line ends, and no cell a spreadsheet would run as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/gu, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A CSV download, named for the browser to save. */
export function csvResponse(filename: string, header: string[], rows: unknown[][]) {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
    body: toCsv(header, rows),
  };
}
