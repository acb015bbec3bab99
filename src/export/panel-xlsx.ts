import { createWriteStream, openSync } from "node:fs";
import ExcelJS from "exceljs";
import { fixZipTimesInFile } from "./xlsx.js";
import type { PanelCodebookEntry } from "./panel-codebook.js";

/** A fixed timestamp for the workbook properties: same data → same bytes. */
const EPOCH = new Date(Date.UTC(2000, 0, 1));
/** Rows a sheet holds besides its header (Excel's limit is 1,048,576 rows). */
export const XLSX_MAX_ROWS = 1_048_575;
/** Rows the column widths are fitted on. */
const FIT_ROWS = 1000;

type Cell = string | number | boolean | null;

/** One sheet of panel.xlsx: its name, columns and rows (objects keyed by column). */
export interface PanelSheet {
  name: string;
  columns: readonly string[];
  rows: readonly object[];
}

function cell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Display width in Excel character units: CJK counts two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

type Book = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

function writeSheet(wb: Book, sheet: PanelSheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const cellsOf = (r: object): Cell[] => sheet.columns.map((c) => cell((r as Record<string, unknown>)[c]));
  sheet.columns.forEach((c, i) => {
    let w = width(c);
    for (const r of sheet.rows.slice(0, FIT_ROWS)) {
      const v = (r as Record<string, unknown>)[c];
      if (v !== null && v !== undefined) w = Math.max(w, width(String(v)));
    }
    ws.getColumn(i + 1).width = Math.min(60, Math.max(6, w + 2));
  });
  if (sheet.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const head = ws.addRow([...sheet.columns]);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  head.commit();
  const n = Math.min(sheet.rows.length, XLSX_MAX_ROWS);
  for (let i = 0; i < n; i++) {
    const cells = cellsOf(sheet.rows[i] as object);
    const row = ws.addRow(cells);
    cells.forEach((v, j) => {
      // whole numbers in full (126000000000000, not 1.26E+14)
      if (typeof v === "number" && Number.isInteger(v)) row.getCell(j + 1).numFmt = "0";
    });
    row.commit();
  }
  ws.commit();
}

/**
 * Writes panel.xlsx at `path` with exceljs's streaming writer (rows go to the file as they are added):
 * one sheet per table (typed cells, bold frozen header, autofilter, fitted widths) and the codebook;
 * zip timestamps fixed, so the same data gives the same bytes. Returns the sheets cut at Excel's row
 * limit: `await writePanelXlsx("panel.xlsx", [{ name: "panel", columns, rows }], codebook)` → [].
 */
export async function writePanelXlsx(path: string, sheets: readonly PanelSheet[], codebook: readonly PanelCodebookEntry[]): Promise<string[]> {
  const stream = createWriteStream(path, { fd: openSync(path, "w") });
  const failure = new Promise<never>((_, reject) => stream.on("error", reject));
  failure.catch(() => undefined);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "zhibiao";
  wb.created = EPOCH;
  wb.modified = EPOCH;
  const cut: string[] = [];
  for (const sheet of sheets) {
    writeSheet(wb, sheet);
    if (sheet.rows.length > XLSX_MAX_ROWS) cut.push(sheet.name);
  }
  writeSheet(wb, { name: "codebook", columns: ["table", "column", "type", "nullable", "meaning"], rows: codebook });
  await Promise.race([wb.commit(), failure]);
  fixZipTimesInFile(path);
  return cut;
}
