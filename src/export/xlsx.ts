import { openExclusive } from "../io/temp.js";
import { closeSync, createWriteStream, type WriteStream, fstatSync, openSync, readSync, writeSync } from "node:fs";
import ExcelJS from "exceljs";
import { DocumentRecordSchema, type DocumentRecord } from "../model/document.js";
import type { MetricRecord } from "../model/record.js";
import type { Dataset } from "./dataset.js";
import { codebook } from "./codebook.js";
import { headerRow, resolveColumns, type HeaderLanguage } from "./columns.js";
import { fixZipTimes } from "./zip-times.js";
import { z } from "zod";
import { PANEL_COLUMNS, PanelRowSchema, type PanelRow } from "../model/panel.js";
import { PANEL_ZH, panelCells, panelDescriptions, panelHeader } from "./panel-columns.js";

/** DOS date 1980-01-01 00:00:00, as `fixZipTimes` sets. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

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
  const widths = fitWidths(header, rows);
  header.forEach((_, i) => {
    ws.getColumn(i + 1).width = widths[i] as number;
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
  addTable(wb, "panel", panelHeader(opts.header ?? "en"), (data.panel ?? []).map((r) => panelCells(r).map(toCell)));
  const docCols = Object.keys(DocumentRecordSchema.shape);
  addTable(wb, "documents", docCols, data.documents.map((d) => docCols.map((c) => toCell((d as Record<string, unknown>)[c]))));
  const cb = codebook();
  addTable(
    wb,
    "codebook",
    ["column", "中文名", "type", "nullable", "meaning", "allowed_values", "example"],
    [...cb.map((e) => [e.column, e.zh, e.type, e.nullable, e.description, e.allowed ? e.allowed.join(", ") : null, e.example]), ...panelCodebookRows()],
  );
  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(buf as ArrayBuffer));
}

/** The panel columns in the codebook sheet: `panel.<column>`, Chinese name, type, nullable, meaning, allowed values. */
function panelCodebookRows(): Cell[][] {
  const desc = panelDescriptions();
  type Prop = { type?: string | string[]; anyOf?: Prop[]; enum?: unknown[] };
  const { properties } = z.toJSONSchema(PanelRowSchema) as { properties: Record<string, Prop> };
  return PANEL_COLUMNS.map((c) => {
    const p = properties[c] ?? {};
    const parts = p.anyOf ?? [p];
    const types = parts.flatMap((x) => (Array.isArray(x.type) ? x.type : x.type ? [x.type] : []));
    const allowed = parts.flatMap((x) => x.enum ?? []).filter((v) => v !== null).map(String);
    return [`panel.${c}`, PANEL_ZH[c], types.find((t) => t !== "null") ?? "string", types.includes("null"), desc[c], allowed.length ? allowed.join(", ") : null, null];
  });
}

/** The rows of one Excel sheet (header included); records past it go on further sheets ("records 2", …). */
export let XLSX_MAX_ROWS = 1_048_576;
/** For tests: a smaller sheet limit, so spilling can be seen on a few rows. */
export function setXlsxMaxRowsForTest(n: number): void {
  XLSX_MAX_ROWS = n;
}

/** Rows of the records sheet the column widths are fitted on when streaming (the first ones). */
export const XLSX_FIT_ROWS = 1000;

/** Column widths (6–60) fitted to a header and rows: CJK characters count two. */
function fitWidths(header: readonly string[], rows: readonly (readonly Cell[])[]): number[] {
  return header.map((h, i) => {
    let width = displayWidth(h);
    for (const row of rows) {
      const v = row[i];
      if (v !== null && v !== undefined) width = Math.max(width, displayWidth(String(v)));
    }
    return Math.min(60, Math.max(6, width + 2));
  });
}

type StreamBook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
type StreamSheet = ReturnType<StreamBook["addWorksheet"]>;

/** Commits one row of a streamed sheet: whole numbers in full (`0` format), other cells as they are. */
function commitRow(ws: StreamSheet, cells: readonly Cell[]): void {
  const row = ws.addRow([...cells]);
  cells.forEach((v, i) => {
    if (typeof v === "number" && Number.isInteger(v)) row.getCell(i + 1).numFmt = "0";
  });
  row.commit();
}

/** Starts a streamed sheet: bold filled frozen header, autofilter, widths fitted on `fitOn`. */
function openSheet(wb: StreamBook, name: string, header: readonly string[], fitOn: readonly (readonly Cell[])[]): StreamSheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  fitWidths(header, fitOn).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (header.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const head = ws.addRow([...header]);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  head.commit();
  return ws;
}

/**
 * records.xlsx written as the records come (exceljs's streaming WorkbookWriter): rows are committed to
 * the file as they are added, so memory does not grow with the batch. Same sheets, typed cells, frozen
 * header and autofilter as `datasetToXlsx`; the column widths of the records sheet are fitted on its
 * first XLSX_FIT_ROWS rows. Zip timestamps are fixed after the file is written, so the same data gives
 * the same bytes: `const x = new XlsxStreamWriter(path); x.add(records); await x.finish(documents)`.
 */
export class XlsxStreamWriter {
  private readonly wb: StreamBook;
  private readonly cols: string[];
  private readonly header: string[];
  private pending: Cell[][] | null = [];
  private sheet: StreamSheet | null = null;
  private readonly failure: Promise<never>;
  private readonly stream: WriteStream;
  /** The headline cells, kept until finish (a panel is a few dozen rows a report). */
  private readonly panel: PanelRow[] = [];
  private rowsInSheet = 0;
  private sheets = 1;

  constructor(
    private readonly path: string,
    opts: XlsxOptions = {},
  ) {
    // Opened now (not lazily by the stream), so abort() can never race a late open into a stray file.
    this.stream = createWriteStream(path, { fd: openExclusive(path) });
    const stream = this.stream;
    this.failure = new Promise((_, reject) => stream.on("error", reject));
    this.failure.catch(() => undefined);
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.wb.creator = "zhibiao";
    this.wb.created = EPOCH;
    this.wb.modified = EPOCH;
    this.cols = resolveColumns(opts.columns);
    this.header = headerRow(this.cols, opts.header);
    this.headerLanguage = opts.header ?? "en";
  }
  private readonly headerLanguage: HeaderLanguage;

  /** Adds records as rows of the records sheet. */
  add(records: readonly MetricRecord[]): void {
    for (const r of records) {
      const cells = this.cols.map((c) => toCell(r[c as keyof MetricRecord]));
      if (this.pending) {
        this.pending.push(cells);
        if (this.pending.length >= XLSX_FIT_ROWS) this.flushPending();
      } else {
        // a sheet holds at most XLSX_MAX_ROWS rows: the next rows go on "records 2", "records 3", …
        if (this.rowsInSheet >= XLSX_MAX_ROWS - 1) {
          (this.sheet as StreamSheet).commit();
          this.sheet = openSheet(this.wb, `records ${++this.sheets}`, this.header, []);
          this.rowsInSheet = 0;
        }
        commitRow(this.sheet as StreamSheet, cells);
        this.rowsInSheet++;
      }
    }
  }

  /** Adds headline cells: the panel sheet, written at finish. */
  addPanel(rows: readonly PanelRow[]): void {
    this.panel.push(...rows);
  }

  private flushPending(): void {
    const rows = this.pending ?? [];
    this.pending = null;
    this.sheet = openSheet(this.wb, "records", this.header, rows);
    for (const cells of rows) commitRow(this.sheet, cells);
    this.rowsInSheet = rows.length;
  }

  /** Writes the documents and codebook sheets, finishes the file and fixes its zip timestamps. */
  async finish(documents: readonly DocumentRecord[]): Promise<void> {
    if (this.pending) this.flushPending();
    (this.sheet as StreamSheet).commit();
    const panelRows = this.panel.map((r) => panelCells(r).map(toCell));
    const panel = openSheet(this.wb, "panel", panelHeader(this.headerLanguage), panelRows);
    for (const row of panelRows) commitRow(panel, row);
    panel.commit();
    const docCols = Object.keys(DocumentRecordSchema.shape);
    const docRows = documents.map((d) => docCols.map((c) => toCell((d as Record<string, unknown>)[c])));
    const docs = openSheet(this.wb, "documents", docCols, docRows);
    for (const row of docRows) commitRow(docs, row);
    docs.commit();
    const cbHeader = ["column", "中文名", "type", "nullable", "meaning", "allowed_values", "example"];
    const cbRows: Cell[][] = codebook().map((e) => [e.column, e.zh, e.type, e.nullable, e.description, e.allowed ? e.allowed.join(", ") : null, toCell(e.example)]);
    cbRows.push(...panelCodebookRows());
    const cb = openSheet(this.wb, "codebook", cbHeader, cbRows);
    for (const row of cbRows) commitRow(cb, row);
    cb.commit();
    await Promise.race([this.wb.commit(), this.failure]);
    fixZipTimesInFile(this.path);
  }

  /** Stops writing (the caller removes the file). */
  abort(): void {
    this.stream.destroy();
  }
}

/** `fixZipTimes` on a zip file, in place: reads its central directory and rewrites only the time fields. */
export function fixZipTimesInFile(path: string): void {
  const fd = openSync(path, "r+");
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${path}: not a zip file: no end of central directory`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdStart = tail.readUInt32LE(eocd + 16);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdStart);
    const times = Buffer.alloc(4);
    times.writeUInt16LE(DOS_TIME, 0);
    times.writeUInt16LE(DOS_DATE, 2);
    const sig = Buffer.alloc(4);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad zip central directory at ${cdStart + p}`);
      times.copy(cd, p + 12);
      const local = cd.readUInt32LE(p + 42);
      readSync(fd, sig, 0, 4, local);
      if (sig.readUInt32LE(0) !== 0x04034b50) throw new Error(`${path}: bad zip local header at ${local}`);
      writeSync(fd, times, 0, 4, local + 10);
      p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    writeSync(fd, cd, 0, cdSize, cdStart);
  } finally {
    closeSync(fd);
  }
}
