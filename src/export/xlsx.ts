import ExcelJS from "exceljs";
import { DocumentRecordSchema } from "../model/document.js";
import type { Dataset } from "./dataset.js";
import { codebook } from "./codebook.js";
import { headerRow, resolveColumns, type HeaderLanguage } from "./columns.js";
import { fixZipTimes } from "./zip-times.js";

/** Options of the workbook: the records sheet follows the same column choice and header as records.csv. */
export interface XlsxOptions {
  columns?: readonly string[] | null;
  header?: HeaderLanguage;
}

/** A fixed timestamp for the workbook properties: no clock in outputs, same data → same bytes. */
const EPOCH = new Date(Date.UTC(2000, 0, 1));

/** Display width of text in Excel character units: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

type Cell = string | number | boolean | null;

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(String).join("; ");
  return JSON.stringify(v);
}

/** Adds a sheet with a bold frozen header, autofilter, typed cells and widths fitted to the content (6–60). */
function addTable(wb: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.addRow([...header]);
  for (const row of rows) ws.addRow([...row]);
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  if (header.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((h, i) => {
    let width = displayWidth(h);
    for (const row of rows) {
      const v = row[i];
      if (v !== null && v !== undefined) width = Math.max(width, displayWidth(String(v)));
    }
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(6, width + 2));
    // Whole numbers in full (148690000, not 1.4869E+08); other numbers in Excel's General format.
    rows.forEach((row, r) => {
      const v = row[i];
      if (typeof v === "number" && Number.isInteger(v)) ws.getCell(r + 2, i + 1).numFmt = "0";
    });
  });
  return ws;
}

/**
 * The dataset as a workbook: sheets `records` (typed cells), `documents` and `codebook`:
 * `await datasetToXlsx({ records, documents, diagnostics }, { header: "zh" })` → the .xlsx bytes.
 */
export async function datasetToXlsx(data: Dataset, opts: XlsxOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zhibiao";
  wb.created = EPOCH;
  wb.modified = EPOCH;
  const cols = resolveColumns(opts.columns);
  addTable(wb, "records", headerRow(cols, opts.header), data.records.map((r) => cols.map((c) => toCell(r[c]))));
  const docCols = Object.keys(DocumentRecordSchema.shape);
  addTable(wb, "documents", docCols, data.documents.map((d) => docCols.map((c) => toCell((d as Record<string, unknown>)[c]))));
  const cb = codebook();
  addTable(
    wb,
    "codebook",
    ["column", "中文名", "type", "nullable", "meaning", "allowed_values", "example"],
    cb.map((e) => [e.column, e.zh, e.type, e.nullable, e.description, e.allowed ? e.allowed.join(", ") : null, e.example]),
  );
  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(buf as ArrayBuffer));
}
