import { closeSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { headerRow, parseHeader, resolveColumns, type HeaderLanguage, type RecordColumn } from "./columns.js";
import { statementColumns, statementColumnZh } from "./statements.js";
import { csvLines, jsonLines, panelCsvLines, recordCsvLines, statementCsvLines, textPart, type DocumentText } from "./dataset-format.js";
import type { PanelRow } from "../model/panel.js";
import { panelHeader } from "./panel-columns.js";
import { parseFormats, type DatasetOptions } from "./dataset-options.js";
import type { XlsxStreamWriter } from "./xlsx.js";
import { documentsCsv } from "./documents-csv.js";
import { runStateJson, type LedgerFile, type RunFingerprint, type RunItem } from "./run-state.js";
import { checkOutputDir, LOCK_NAME, OUTPUT_FILES, OutputDirError, TEMP_NAME, TEXT_OUTPUTS, tempName, type OutputFile } from "./dataset-folder.js";
import { openExclusive, writeAll } from "../io/temp.js";

export { checkOutputDir, OutputDirError, OUTPUT_FILES } from "./dataset-folder.js";

/**
 * What one document contributes: its records (all of them, in one call), its documents.jsonl line(s)
 * and diagnostics, as objects, or already formatted as `text` (as the batch workers send them).
 */
export interface DatasetChunk {
  /** The records; with `text`, they are only written to records.xlsx (pass them only when it is asked for). */
  records: readonly MetricRecord[];
  /** The documents.jsonl line of this input; null or absent for a skipped file. */
  document?: DocumentRecord | null;
  /** Several documents.jsonl lines at once (writeDataset uses it); written after `document`. */
  documents?: readonly DocumentRecord[];
  /** Diagnostics; with `text`, written before the text's own. */
  diagnostics?: readonly Diagnostic[];
  /** The document's headline cells (panel.jsonl, panel.csv); with `text`, they are in it. */
  panel?: readonly PanelRow[];
  /**
   * The document already formatted (`documentText` of its records, document line and diagnostics, on
   * this writer's columns): appended as it is, and `document`/`documents` are not written again.
   */
  text?: DocumentText | null;
  /** What run.json keeps of this input (extract passes it for every input, in order). */
  ledger?: { doc_id: string | null; path: string; sha256: string | null; meta: string | null; reusable: boolean; records: number; cells: number } | null;
}

export interface OpenOptions extends DatasetOptions {
  /** Write into a folder that holds other files too (they are left alone). Default false: refuse. */
  force?: boolean;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Takes the folder's lock (`.zhibiao.lock`, created exclusively, holding this pid): a second run into
 * the same folder is refused naming the holder; the lock of a process that is gone is taken over.
 */
function takeLock(dir: string): string {
  const path = join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openExclusive(path);
      writeAll(fd, `${process.pid}\n`);
      closeSync(fd);
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(path, "utf8"), 10);
    } catch {
      // removed meanwhile: try again
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder) && holder !== process.pid) {
      throw new OutputDirError(`--out ${dir} is being written by another zhibiao run (pid ${holder}, ${path}); wait for it to finish, or remove the lock if that process is not zhibiao`);
    }
    try {
      unlinkSync(path);
    } catch {
      // gone meanwhile
    }
  }
  throw new OutputDirError(`--out ${dir}: cannot take the lock ${path}`);
}

function releaseLock(path: string | null): void {
  if (!path) return;
  try {
    if (Number.parseInt(readFileSync(path, "utf8"), 10) === process.pid) unlinkSync(path);
  } catch {
    // gone
  }
}

/** Writes a whole string (or bytes) at the end of an open file. */
function append(fd: number, text: string | Uint8Array | readonly Uint8Array[]): number {
  if (Array.isArray(text)) {
    let n = 0;
    for (const b of text as readonly Uint8Array[]) n += append(fd, b);
    return n;
  }
  const buf = typeof text === "string" ? Buffer.from(text, "utf8") : (text as Uint8Array);
  if (typeof text === "string" && buf.length !== Buffer.byteLength(text, "utf8")) throw new Error("dataset writer: a string was not encoded whole");
  let off = 0;
  while (off < buf.length) {
    // at most 1 GiB a call: Node refuses (or the kernel shortens) larger writes
    const n = writeSync(fd, buf, off, Math.min(buf.length - off, 1 << 30));
    if (!(n > 0)) throw new Error(`dataset writer: write returned ${n} with ${buf.length - off} bytes left`);
    off += n;
  }
  return buf.length;
}

/** Bytes in a list of buffers. */
function size(list: readonly Uint8Array[]): number {
  let n = 0;
  for (const b of list) n += b.byteLength;
  return n;
}

interface Chunk {
  doc_id: string;
  offset: number;
  length: number;
  /** Where it lands in statements.csv (set when statements.csv is written). */
  at: number;
}

/**
 * A dataset written as the batch goes: `const w = await DatasetWriter.open("output", opts)`, then
 * `w.add(chunk)` once per document in input order, then `await w.close()` (or `w.abort()`).
 *
 * Every file is appended to a temporary name in `dir` (`.records.csv.<pid>.tmp` …) and renamed into
 * place by `close()`, so readers never see half a file and an interrupted run leaves the previous
 * outputs as they were; `abort()` removes the temporaries (synchronously: safe in a signal handler).
 * statements.csv is sorted by doc_id: each document's statements are spilled to a side file and copied
 * in doc_id order at close. The bytes are those of `writeDataset` over the same records: records.jsonl
 * and records.csv in the order added, statements.csv as `statementsToCsv` of all of them.
 * Memory holds one document at a time (and, with xlsx, what exceljs buffers before compressing).
 */
export class DatasetWriter {
  private readonly fds = new Map<string, number>();
  private readonly temps: string[] = [];
  private readonly chunks: Chunk[] = [];
  private spillEnd = 0;
  /** Bytes appended so far to each file (its next offset). */
  private readonly sizes = new Map<string, number>();
  /** run.json's items, in order, and the one being added. */
  private readonly ledger: { item: RunItem; spill: Chunk | null }[] = [];
  private current: { item: RunItem; spill: Chunk | null } | null = null;
  private lock: string | null = null;
  private state: "open" | "closing" | "closed" | "aborted" = "open";

  private constructor(
    readonly dir: string,
    private readonly createdDir: boolean,
    private readonly columns: RecordColumn[],
    private readonly header: HeaderLanguage,
    private readonly xlsx: XlsxStreamWriter | null,
  ) {}

  /**
   * Checks the options (a bad column or format throws before anything is written) and the folder
   * policy, creates `dir` if needed and opens the temporaries.
   */
  static async open(dir: string, opts: OpenOptions = {}): Promise<DatasetWriter> {
    const formats = parseFormats(opts.formats);
    const header = parseHeader(opts.header);
    const columns = resolveColumns(opts.columns);
    const xlsxModule = formats.includes("xlsx") ? await import("./xlsx.js") : null;
    // From here on all is synchronous: a signal handler sees either no writer or a whole one.
    checkOutputDir(dir, opts.force ?? false);
    const createdDir = !existsSync(dir);
    mkdirSync(dir, { recursive: true });
    const lock = takeLock(dir);
    // Temporaries left by a run that was killed outright (SIGKILL, power loss) are debris: remove them.
    for (const name of readdirSync(dir)) {
      const m = TEMP_NAME.exec(name);
      if (m && !alive(Number(m[2]))) unlinkSync(join(dir, name));
    }
    const temps: string[] = [];
    let xlsx: XlsxStreamWriter | null = null;
    try {
      if (xlsxModule) {
        const tmp = join(dir, tempName("records.xlsx"));
        temps.push(tmp);
        xlsx = new xlsxModule.XlsxStreamWriter(tmp, { columns, header });
      }
    } catch (e) {
      releaseLock(lock);
      throw e;
    }
    const w = new DatasetWriter(dir, createdDir, columns, header, xlsx);
    w.lock = lock;
    w.temps.push(...temps);
    return w.init();
  }

  private init(): this {
    try {
      for (const name of TEXT_OUTPUTS) this.openTemp(name, false);
      this.openTemp("statements.csv", true);
      this.put("records.csv", "\uFEFF" + csvLines([headerRow(this.columns, this.header)]));
      this.put("panel.csv", "\uFEFF" + csvLines([panelHeader(this.header)]));
    } catch (e) {
      this.abort();
      throw e;
    }
    return this;
  }

  private openTemp(name: string, part: boolean): void {
    const path = join(this.dir, tempName(name, part));
    this.temps.push(path);
    this.fds.set(part ? `${name}.part` : name, openExclusive(path, part));
  }

  /** Appends to one output file, keeping its size and the current input's range in it. */
  private put(name: LedgerFile | "statements.csv.part", data: string | Uint8Array | readonly Uint8Array[]): number {
    const at = this.sizes.get(name) ?? 0;
    const n = append(this.fd(name), data);
    this.sizes.set(name, at + n);
    const cur = this.current;
    if (cur && name !== "statements.csv.part" && n) {
      const r = cur.item.ranges[name];
      cur.item.ranges[name] = r ? [r[0], r[1] + n] : [at, n];
    }
    return n;
  }

  private fd(key: string): number {
    const fd = this.fds.get(key);
    if (fd === undefined) throw new Error(`dataset writer: ${key} is not open`);
    return fd;
  }

  /** Appends one document's records, documents.jsonl line(s) and diagnostics (as objects, or as formatted `text`). */
  add(chunk: DatasetChunk): void {
    if (this.state !== "open") throw new Error(`dataset writer is ${this.state}`);
    if (chunk.ledger) {
      this.current = { item: { ...chunk.ledger, ranges: {} }, spill: null };
      this.ledger.push(this.current);
    }
    try {
      this.addChunk(chunk);
    } finally {
      this.current = null;
    }
  }

  private addChunk(chunk: DatasetChunk): void {
    if (chunk.text) return this.addText(chunk.text, chunk.records, chunk.diagnostics ?? [], chunk.panel ?? []);
    const { records } = chunk;
    const documents = [...(chunk.document ? [chunk.document] : []), ...(chunk.documents ?? [])];
    if (records.length) {
      this.put("records.jsonl", jsonLines(records));
      this.put("records.csv", recordCsvLines(records, this.columns));
      // Statements never span documents: group each document's records on their own.
      const byDoc = new Map<string, MetricRecord[]>();
      for (const r of records) {
        const list = byDoc.get(r.doc_id);
        if (list) list.push(r);
        else byDoc.set(r.doc_id, [r]);
      }
      for (const [doc_id, recs] of byDoc) this.spillStatements(doc_id, statementCsvLines(recs));
      this.xlsx?.add(records);
    }
    if (documents.length) this.put("documents.jsonl", jsonLines(documents));
    if (chunk.diagnostics?.length) this.put("diagnostics.jsonl", jsonLines(chunk.diagnostics));
    if (chunk.panel?.length) {
      this.put("panel.jsonl", jsonLines(chunk.panel));
      this.put("panel.csv", panelCsvLines(chunk.panel));
      this.xlsx?.addPanel(chunk.panel);
    }
  }

  /** One document formatted by `documentText` (on this writer's columns): its bytes appended as they are. */
  private addText(text: DocumentText, records: readonly MetricRecord[], diagnostics: readonly Diagnostic[], panelRows: readonly PanelRow[]): void {
    const part = (name: Parameters<typeof textPart>[1]) => textPart(text, name);
    const jsonl = part("records.jsonl");
    if (size(jsonl)) this.put("records.jsonl", jsonl);
    const csv = part("records.csv");
    if (size(csv)) this.put("records.csv", csv);
    const statements = part("statements.csv");
    if (size(statements)) this.spillStatements(text.doc_id, statements);
    if (records.length) this.xlsx?.add(records);
    const document = part("documents.jsonl");
    if (size(document)) this.put("documents.jsonl", document);
    if (diagnostics.length) this.put("diagnostics.jsonl", jsonLines(diagnostics));
    const diags = part("diagnostics.jsonl");
    if (size(diags)) this.put("diagnostics.jsonl", diags);
    const panel = part("panel.jsonl");
    if (size(panel)) this.put("panel.jsonl", panel);
    const panelCsv = part("panel.csv");
    if (size(panelCsv)) this.put("panel.csv", panelCsv);
    if (panelRows.length) this.xlsx?.addPanel(panelRows);
  }

  /** One document's statements.csv rows, to the side file; copied in doc_id order at close. */
  private spillStatements(doc_id: string, rows: string | Uint8Array | readonly Uint8Array[]): void {
    const length = this.put("statements.csv.part", rows);
    const chunk = { doc_id, offset: this.spillEnd, length, at: 0 };
    this.chunks.push(chunk);
    if (this.current) this.current.spill = chunk;
    this.spillEnd += length;
  }

  /** Finishes every file and renames them into place; removes an earlier run's output this run does not write (records.xlsx). Returns the paths. */
  /**
   * Finishes every file and renames them into place; removes an earlier run's output this run does not
   * write (records.xlsx, run.json). With `run` (extract passes it), also writes run.json: the run's
   * fingerprint and where each input's bytes are, for `extract --update`. Returns the paths.
   */
  async close(run?: RunFingerprint): Promise<string[]> {
    if (this.state !== "open") throw new Error(`dataset writer is ${this.state}`);
    this.state = "closing";
    try {
      this.writeStatements();
      for (const { item, spill } of this.ledger) if (spill) item.ranges["statements.csv"] = [spill.at, spill.length];
      if (run) {
        const runPath = join(this.dir, tempName("run.json"));
        this.temps.push(runPath);
        const fd = openExclusive(runPath, false);
        try {
          append(fd, runStateJson(run, this.ledger.map((l) => l.item)));
        } finally {
          closeSync(fd);
        }
      }
      for (const [key, fd] of this.fds) {
        closeSync(fd);
        this.fds.delete(key);
      }
      unlinkSync(join(this.dir, tempName("statements.csv", true)));
      const docs = readFileSync(join(this.dir, tempName("documents.jsonl")), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as DocumentRecord);
      const documentsCsvPath = join(this.dir, tempName("documents.csv"));
      this.temps.push(documentsCsvPath);
      const fd = openExclusive(documentsCsvPath, false);
      try {
        append(fd, documentsCsv(docs, this.header));
      } finally {
        closeSync(fd);
      }
      if (this.xlsx) await this.xlsx.finish(docs);
      if ((this.state as string) === "aborted") throw new Error("dataset writer aborted");
    } catch (e) {
      this.abort();
      throw e;
    }
    const names: OutputFile[] = [...TEXT_OUTPUTS, "documents.csv", ...(this.xlsx ? (["records.xlsx"] as const) : []), ...(run ? (["run.json"] as const) : [])];
    // every target checked before the first rename: a failure then replaces nothing
    try {
      for (const name of OUTPUT_FILES) {
        const st = lstatOrNull(join(this.dir, name));
        if (st && !st.isFile() && !st.isSymbolicLink()) throw new OutputDirError(`--out ${this.dir}: ${name} there is ${st.isDirectory() ? "a folder" : "not a file"}; nothing was replaced`);
      }
    } catch (e) {
      this.abort();
      throw e;
    }
    for (const name of names) renameSync(join(this.dir, tempName(name)), join(this.dir, name));
    this.state = "closed";
    for (const name of OUTPUT_FILES) {
      if (!names.includes(name) && existsSync(join(this.dir, name))) unlinkSync(join(this.dir, name));
    }
    releaseLock(this.lock);
    this.lock = null;
    return names.map((n) => join(this.dir, n));
  }

  /** statements.csv: BOM and header, then each document's statements in doc_id order (as `groupStatements` sorts them). */
  private writeStatements(): void {
    const out = this.fd("statements.csv");
    const spill = this.fd("statements.csv.part");
    const cols = statementColumns();
    let at = append(out, "\uFEFF" + csvLines([this.header === "zh" ? cols.map(statementColumnZh) : cols]));
    const order = this.chunks.slice().sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0));
    let buf = Buffer.alloc(1 << 20);
    for (const c of order) {
      if (c.length > buf.length) buf = Buffer.alloc(c.length);
      let got = 0;
      while (got < c.length) {
        const n = readSync(spill, buf, got, c.length - got, c.offset + got);
        if (n === 0) throw new Error("statements spill file is shorter than written");
        got += n;
      }
      c.at = at;
      at += append(out, buf.subarray(0, c.length));
    }
  }

  /** Removes every temporary (and `dir` when this writer created it and it is empty); the previous outputs stay as they were. */
  abort(): void {
    if (this.state === "closed" || this.state === "aborted") return;
    this.state = "aborted";
    for (const fd of this.fds.values()) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.fds.clear();
    this.xlsx?.abort();
    for (const path of this.temps) {
      try {
        unlinkSync(path);
      } catch {
        // not created, or already gone
      }
    }
    releaseLock(this.lock);
    this.lock = null;
    if (this.createdDir) {
      try {
        rmdirSync(this.dir);
      } catch {
        // not empty: something else was put there meanwhile
      }
    }
  }

  /** True once close() has renamed the files into place. */
  get committed(): boolean {
    return this.state === "closed";
  }
}
