import { parse } from 'csv-parse/sync';

/** One record of the file and the line it starts on (1 = the header). */
export interface CsvRow {
  line: number;
  fields: string[];
}

export type CsvRead = { ok: true; rows: CsvRow[] } | { ok: false; problem: string };

/**
 * Reads what German Excel writes as "CSV (Trennzeichen-getrennt)": `;` between fields, `"`
 * around fields with `;`, quotes or line breaks (`""` inside), an optional UTF-8 BOM, CRLF
 * or LF. Rows with nothing in them (Excel writes `;;;;` for formatted empty rows) are left out.
 */
export function readSemicolonCsv(text: string): CsvRead {
  // csv-parse counts a CRLF inside a quoted field as two lines; with LF only it counts right.
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    // With `info` and `raw` each record comes wrapped; the typings do not model that.
    records = parse(normalised, {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { ok: false, problem: syntaxProblem(error) };
  }
  const rows: CsvRow[] = [];
  for (const { record, info, raw } of records) {
    if (record.every((field) => field.trim() === '')) continue;
    const innerBreaks = raw.replace(/\n$/, '').split('\n').length - 1;
    rows.push({ line: info.lines - innerBreaks, fields: record.map((field) => field.trim()) });
  }
  return { ok: true, rows };
}

function syntaxProblem(error: unknown): string {
  const { code, lines } = error as { code?: string; lines?: number };
  const where = typeof lines === 'number' ? `Zeile ${lines}: ` : '';
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return `${where}Ein Anführungszeichen wird bis zum Dateiende nicht geschlossen.`;
  }
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') {
    return `${where}Anführungszeichen an unerwarteter Stelle – Felder mit Anführungszeichen ganz in "…" setzen und innere als "" schreiben.`;
  }
  return `${where}Die Datei ist keine lesbare CSV-Datei (${code ?? 'unbekannter Fehler'}).`;
}
