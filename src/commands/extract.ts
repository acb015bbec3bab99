import type { Command } from "./types.js";
import { limitsFrom } from "../limits.js";
import { ConfigError, parse, str, strs, UsageError } from "./args.js";
import { collectInputs, type InputItem } from "../io/collect.js";
import { checkOutputDir } from "../export/dataset-folder.js";
import type { DatasetWriter } from "../export/dataset-writer.js";
import { ColumnError, parseHeader, resolveColumns } from "../export/columns.js";
import { parseFormats } from "../export/dataset-options.js";
import { runBatch } from "../batch/run.js";
import { stopAllPools } from "../batch/pool.js";
import { Progress } from "../batch/progress.js";
import { ExtractCliOptionsSchema, parseByteSize, type ExtractCliOptions } from "../batch/options.js";
import type { ItemOutcome } from "../batch/outcome.js";
import { metaFor, readMetaFile, unusedRows, type MetaOverride } from "../io/meta-file.js";
import { SkippedFiles } from "../batch/skipped.js";
import { checkRuleDirs } from "../rules/precheck.js";
import { OCR_PACKAGES, ocrUnavailable } from "../io/ocr.js";
import { existsSync } from "node:fs";
import { runFingerprint } from "../batch/fingerprint.js";
import { BUILTIN_RULES_DIR } from "../rules/builtin-dir.js";
import { ReuseIndex } from "../batch/reuse.js";

const HELP = `Usage: zhibiao extract <files, folders, globs or -> --out <dir> [options]

Extracts every metric mention of the inputs and writes, in <dir>:
  records.csv        one row per figure (UTF-8 with BOM, for Excel/WPS, pandas, R)
  records.jsonl      the same records, one JSON object a line
  statements.csv     the records grouped by statement
  documents.jsonl    one line per input: path, reader, encoding, sha256, title, region, date, record count, errors
  diagnostics.jsonl  problems found (unreadable inputs, skipped files, rule warnings)
  panel.csv          the headline table: per report, the targets it sets and the results it reports,
  panel.jsonl        one row per indicator code × status × period (see docs/panel.md)
  documents.csv      documents.jsonl as a table
  run.json           what made the folder: program, rules, options, each input's sha256 (for --update)

Inputs: files, folders (read recursively for .txt .html .htm .docx .doc .wps .rtf .odt .pdf; other
files are skipped, named on stderr, counted in the summary and listed in diagnostics.jsonl), glob
patterns ('reports/**/*.pdf', quoted so the shell leaves them), and - for one text on stdin. Text
files may be UTF-8 (with or without BOM), GB18030/GBK or UTF-16; the encoding found is recorded.
Records come in input order, then by position in the text.

Options:
  --out <dir>          output folder (required); --out - streams records as JSONL to stdout
  --format <list>      extra formats: xlsx (records.xlsx); csv, jsonl, statements are always written
                       (repeatable or comma-separated; with --out -, only jsonl)
  --columns <a,b,c>    columns of records.csv/xlsx (and of streamed JSONL), in order
  --header <en|zh>     header names of the CSV/XLSX: field names (en) or Chinese codebook names (zh)
  --rules <dir>        an extra rule folder loaded on top of the built-in rules (repeatable)
  --meta <file.csv>    what you know of each input, over what its text says (a warning where they
                       differ): a CSV with a header row, doc_id or path, and any of region,
                       region_code, level, report_date, report_year, title
  --region <name>      the region of every input (e.g. 广东省深圳市盐田区), over its text
  --report-date <date> the date of every input (YYYY-MM-DD), over its text
  --doc-id <id>        the doc_id of the one input (- for stdin, or a single file); otherwise a file's
                       doc_id is its path under the folder named, without extension (README: Ids)
  --jobs <n>           worker threads (default: the number of cores)
  --max-bytes <size>   refuse inputs larger than this, unread (default 100MB; e.g. 500000, 20MB)
  --update             keep <dir> and extract again only inputs that are new or changed (sha256, or
                       the metadata given for them); every input when the program, the rules or the
                       output options changed. Inputs no longer given are dropped. The files are the
                       same bytes a full run writes (run.json in <dir> says what made them)
  --force              write into an --out folder that holds other files (they are left alone)
  --ocr                read PDF pages that have no text layer (scans) by OCR: Tesseract's Simplified
                       Chinese model (needs ${OCR_PACKAGES}; documents.jsonl says reader pdf+ocr)
  --quiet              no progress bar and no summary on stderr
  -h, --help           this help

The files are written under temporary names and renamed into place at the end: an interrupted run
(Ctrl-C, kill) leaves the previous files of <dir> as they were. A run replaces exactly its own files
(and removes a records.xlsx of an earlier run when it writes none); an --out folder holding other
files is refused unless --force.

Exit codes: 0 success; 1 bad usage, bad rules or an --out folder holding other files; 2 some inputs
failed (the others are written); 130/143 interrupted (SIGINT/SIGTERM).
`;

/** The checked options of an argv: `extractOptions(["seeds", "--out", "output", "--jobs", "2"])`. */
export function extractOptions(argv: string[]): ExtractCliOptions {
  const { values, positionals } = parse(argv, {
    out: { type: "string" },
    format: { type: "string", multiple: true },
    columns: { type: "string", multiple: true },
    header: { type: "string" },
    rules: { type: "string", multiple: true },
    jobs: { type: "string" },
    "max-bytes": { type: "string" },
    quiet: { type: "boolean" },
    ocr: { type: "boolean" },
    force: { type: "boolean" },
    meta: { type: "string" },
    region: { type: "string" },
    "report-date": { type: "string" },
    "doc-id": { type: "string" },
    update: { type: "boolean" },
  });
  const jobs = str(values.jobs);
  const maxBytes = str(values["max-bytes"]);
  const columns = strs(values.columns).flatMap((c) => c.split(/[,，]/)).map((c) => c.trim()).filter(Boolean);
  const parsed = ExtractCliOptionsSchema.safeParse({
    inputs: positionals,
    out: str(values.out),
    rules: strs(values.rules),
    jobs: jobs === undefined ? undefined : /^\d+$/.test(jobs) ? Number(jobs) : NaN,
    maxBytes: maxBytes === undefined ? undefined : (parseByteSize(maxBytes) ?? NaN),
    formats: strs(values.format),
    columns: columns.length ? columns : undefined,
    header: str(values.header),
    quiet: values.quiet === true,
    ocr: values.ocr === true,
    force: values.force === true,
    meta: str(values.meta),
    region: str(values.region),
    reportDate: str(values["report-date"]),
    docId: str(values["doc-id"]),
    update: values.update === true,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad options");
  const opts = parsed.data;
  try {
    resolveColumns(opts.columns);
    parseHeader(opts.header);
  } catch (e) {
    if (e instanceof ColumnError) throw new UsageError(e.message);
    throw e;
  }
  const formats = opts.formats.flatMap((f) => f.split(",")).map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (opts.out === "-" && formats.some((f) => f !== "jsonl")) throw new UsageError("--out - streams JSONL only; drop --format or use --format jsonl");
  if (opts.out === "-" && opts.update) throw new UsageError("--update keeps an output folder; it does not apply to --out -");
  if (opts.out === "-" && opts.header) throw new UsageError("--header applies to CSV/XLSX files, not to JSONL on stdout");
  return opts;
}

/**
 * The dataset writer module, loaded while the workers load their engines, with the --format values
 * checked: `await datasetWriterModule(["xlsx"])`. exceljs (~0.3 s to import) is loaded only for xlsx.
 */
async function datasetWriterModule(formats: string[]): Promise<typeof import("../export/dataset-writer.js")> {
  const mod = await import("../export/dataset-writer.js");
  const { parseFormats } = await import("../export/dataset-options.js");
  try {
    parseFormats(formats);
  } catch (e) {
    if (e instanceof ColumnError) throw new UsageError(e.message);
    throw e;
  }
  return mod;
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export const extractCommand: Command = {
  summary: "extract metric records from reports into CSV/JSONL/XLSX datasets",
  help: HELP,
  async run(argv) {
    const opts = extractOptions(argv);
    const stream = opts.out === "-";
    // The metadata table and the output folder policy are checked before any input is read or any worker started.
    const table = opts.meta ? readMetaFile(opts.meta) : null;
    // the limits of src/limits.ts (ZHIBIAO_MAX_RECORDS …): a bad value is exit 1, before anything is read
    limitsFrom(process.env);
    await checkRuleDirs(opts.rules);
    if (!stream) checkOutputDir(opts.out, opts.force);
    const noOcr = opts.ocr ? await ocrUnavailable() : null;
    if (noOcr) throw new ConfigError(`--ocr needs ${OCR_PACKAGES} (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils): ${noOcr}`);
    const { items } = collectInputs(opts.inputs);
    const docIds = forcedDocIds(items, opts.docId);
    const fingerprint = stream ? null : runFingerprint([BUILTIN_RULES_DIR, ...opts.rules], outputOptions(opts));
    let reuse: ReuseIndex | null = null;
    if (opts.update && fingerprint) {
      const opening = existsSync(opts.out) ? ReuseIndex.open(opts.out, fingerprint) : { index: null, why: `${opts.out} does not exist yet` };
      if (opening.index) reuse = opening.index;
      else if (!opts.quiet) process.stderr.write(`zhibiao: --update: ${opening.why}; extracting every input\n`);
    }
    const withRecords = wantsXlsx(opts.formats);
    const usedRows = new Set<number>();
    const overridesFor = (doc_id: string, path: string): MetaOverride | undefined => {
      const row = table ? metaFor(table, doc_id, path) : null;
      if (row) usedRows.add(row.line);
      const given: MetaOverride = { ...(opts.region ? { region: opts.region } : {}), ...(opts.reportDate ? { report_date: opts.reportDate } : {}) };
      return row || opts.region || opts.reportDate ? { ...row?.meta, ...given } : undefined;
    };
    const loading = stream ? null : datasetWriterModule(opts.formats);
    loading?.catch(() => undefined);
    const progress = new Progress(items.length, process.stderr, !opts.quiet && Boolean(process.stderr.isTTY));
    const columns = opts.columns ? resolveColumns(opts.columns) : null;
    let writer: DatasetWriter | null = null;
    const openWriter = async () => {
      const mod = await (loading as NonNullable<typeof loading>);
      writer = await mod.DatasetWriter.open(opts.out, { formats: opts.formats, columns: opts.columns, header: opts.header, force: opts.force });
      // opened while a signal was being handled: the handler promised nothing would be written
      if (interrupted) writer.abort();
      return writer;
    };
    let recordCount = 0;
    let cellCount = 0;
    let docCount = 0;
    let failed = 0;
    let stdoutClosed = false;
    const skipped = new SkippedFiles();
    if (stream) {
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e;
        stdoutClosed = true;
      });
    }
    let opened: Promise<DatasetWriter> | null = null;
    const emit = async (o: ItemOutcome) => {
      // after a signal, only the exit is left to do
      if (interrupted) return;
      // The first outcome comes once an engine has loaded: bad rules never create the folder.
      if (!stream && !writer) await (opened ??= openWriter());
      if (o.error) {
        failed++;
        progress.log(`zhibiao: ${o.error}`);
      }
      const skip = skipped.add(o);
      if (skip) progress.log(skip);
      if (o.document) docCount++;
      recordCount += o.recordCount;
      cellCount += o.panel?.length ?? 0;
      progress.tick(o.document?.chars ?? 0);
      if (writer) {
        // Written now and dropped: memory does not grow with the batch. The workers formatted the
        // document (o.text); records come as objects only for records.xlsx.
        writer.add({
          ...o,
          ledger: { doc_id: o.document?.doc_id ?? null, path: o.path, sha256: o.document?.sha256 ?? null, meta: o.meta ?? null, reusable: o.reusable ?? false, records: o.recordCount, cells: o.panel?.length ?? 0 },
        });
      } else if (stdoutClosed) {
        throw new StdoutClosed();
      } else if (o.jsonl?.length) {
        await writeStdout(o.jsonl);
      }
    };
    let interrupted = false;
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted = true;
      progress.clear();
      const w = writer as DatasetWriter | null;
      let what: string;
      if (stream) what = "the records streamed so far are whole";
      else if (w?.committed) what = `the outputs in ${opts.out} were already complete`;
      else {
        w?.abort();
        what = `nothing written to ${opts.out}; its previous files are as they were`;
      }
      process.stderr.write(`zhibiao: interrupted (${signal}); ${what}\n`);
      // Exiting while a worker is inside nodejieba aborts the process (native-gate.ts): stop them first.
      const code = SIGNAL_EXIT[signal as keyof typeof SIGNAL_EXIT] ?? 130;
      void stopAllPools().finally(() => process.exit(code));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const dataset = stream ? null : { columns: resolveColumns(opts.columns), records: wantsXlsx(opts.formats) };
      await runBatch(items, { jobs: opts.jobs, maxBytes: opts.maxBytes, engine: { rulesDirs: opts.rules }, jsonl: stream ? { columns } : null, dataset, overridesFor, ocr: opts.ocr, docIds, reuse: reuse ? (q) => reuseOf(reuse as ReuseIndex, q, withRecords) : null }, emit);
      if (table) for (const line of unusedRows(table, usedRows)) progress.log(`zhibiao: warning: ${line}`);
      if (interrupted) return await untilExit();
      if (!stream) await (await (opened ??= openWriter())).close(fingerprint ?? undefined);
    } catch (e) {
      (writer as DatasetWriter | null)?.abort();
      if (interrupted) return await untilExit();
      // The reader of stdout went away (`| head`): stop quietly, as other Unix tools do.
      if (!(e instanceof StdoutClosed)) throw e;
      return failed ? 2 : 0;
    } finally {
      reuse?.close();
      progress.clear();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    if (!opts.quiet) {
      const where = stream ? "stdout" : opts.out;
      const parts = [failed ? `${failed} failed` : "", opts.update ? `${reuse?.copied ?? 0} unchanged, ${docCount - (reuse?.copied ?? 0)} extracted` : ""].filter(Boolean);
      process.stderr.write(`zhibiao: ${docCount} documents${parts.length ? ` (${parts.join("; ")})` : ""}, ${recordCount} records${stream ? "" : `, ${cellCount} panel cells`} → ${where}${skipped.summary()}\n`);
    }
    return failed ? 2 : 0;
  },
};

/** The options that change the bytes of the output files (run.json's fingerprint). */
function outputOptions(opts: ExtractCliOptions): Record<string, unknown> {
  let formats: string[] = [];
  try {
    formats = [...parseFormats(opts.formats)].sort();
  } catch {
    // a bad --format is reported when the writer module loads
  }
  return { columns: resolveColumns(opts.columns), header: parseHeader(opts.header), formats, ocr: opts.ocr };
}

/** The copied outcome of an unchanged input, or null to extract it. */
function reuseOf(index: ReuseIndex, q: { index: number; doc_id: string; path: string; sha256: string; meta: string | null }, withRecords: boolean): ItemOutcome | null {
  const item = index.find(q.doc_id, q.path, q.sha256, q.meta);
  return item ? index.outcome(item, q.index, withRecords) : null;
}

/** The --doc-id of the one input it names (stdin, or a single file), by item index: `forcedDocIds(items, "盐田区2016")`. */
function forcedDocIds(items: readonly InputItem[], docId: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (docId === undefined) return out;
  const readable = items.flatMap((item, i) => (item.kind === "file" || item.kind === "stdin" ? [i] : []));
  if (readable.length !== 1) throw new UsageError(`--doc-id names one input (- or a single file), and ${readable.length} inputs were given`);
  out.set(readable[0] as number, docId);
  return out;
}

/** True when --format asks for records.xlsx (a bad value is reported when the writer module loads). */
function wantsXlsx(formats: string[]): boolean {
  try {
    return parseFormats(formats).includes("xlsx");
  } catch {
    return false;
  }
}

/** Never resolves: the signal handler, once the workers are stopped, ends the process. */
function untilExit(): Promise<number> {
  return new Promise<number>(() => undefined);
}

/** Thrown from emit when stdout's reader has gone: ends the batch early. */
class StdoutClosed extends Error {}

/** Writes to stdout, waiting for it to drain so memory stays flat when the reader is slow. */
function writeStdout(s: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) return resolve();
    const done = () => {
      process.stdout.off("drain", done);
      process.stdout.off("close", done);
      process.stdout.off("error", done);
      resolve();
    };
    process.stdout.on("drain", done);
    process.stdout.on("close", done);
    process.stdout.on("error", done);
  });
}
