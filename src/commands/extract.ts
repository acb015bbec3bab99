import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { collectInputs } from "../io/collect.js";
import { readDocument } from "../io/read.js";
import { createEngine } from "../pipeline/engine.js";
import { extractDocument, failedDocument } from "../pipeline/document.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import type { MetricRecord } from "../model/record.js";
import type { DocumentRecord } from "../model/document.js";
import { writeDataset } from "../export/dataset.js";

const HELP = `Usage: zhibiao extract <files or folders...> --out <dir> [options]

Extracts every metric mention of the inputs and writes, in <dir>:
  records.csv        one row per figure (UTF-8 with BOM, for Excel/WPS, pandas, R)
  records.jsonl      the same records, one JSON object a line
  documents.jsonl    one line per input: path, sha256, encoding, title, region, date, record count, errors
  diagnostics.jsonl  problems found (skipped files, unreadable inputs, rule warnings)

Folders are read recursively for the formats zhibiao knows (.txt); other files are skipped and listed
in diagnostics.jsonl.

Options:
  --out <dir>      output folder (required)
  --rules <dir>    an extra rule folder loaded on top of the built-in rules (repeatable)
  --quiet          no progress on stderr
  -h, --help       this help

Exit codes: 0 success; 1 bad usage or bad rules; 2 some inputs failed (the others are written).
`;

export const extractCommand: Command = {
  summary: "extract metric records from reports into CSV/JSONL datasets",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      out: { type: "string" },
      rules: { type: "string", multiple: true },
      quiet: { type: "boolean" },
    });
    if (!positionals.length) throw new UsageError("no input given");
    const out = str(values.out);
    if (!out) throw new UsageError("--out <dir> is required");
    const engine = createEngine({ rulesDirs: strs(values.rules) });
    const { files, skipped, missing } = collectInputs(positionals);
    const records: MetricRecord[] = [];
    const documents: DocumentRecord[] = [];
    const diagnostics: Diagnostic[] = [];
    let failed = 0;
    for (const m of missing) {
      failed++;
      const message = `${m}: no such file or folder`;
      process.stderr.write(`zhibiao: ${message}\n`);
      diagnostics.push(diagnostic({ path: m, severity: "error", stage: "read", code: "missing-input", message }));
    }
    for (const s of skipped) {
      diagnostics.push(diagnostic({ path: s.path, severity: "info", stage: "read", code: "skipped-format", message: `${s.path}: skipped, ${s.reason}` }));
    }
    for (const file of files) {
      try {
        const result = extractDocument(readDocument(file), engine);
        records.push(...result.records);
        documents.push(result.document);
        diagnostics.push(...result.diagnostics);
      } catch (e) {
        failed++;
        const message = `${file}: ${(e as Error).message}`;
        process.stderr.write(`zhibiao: ${message}\n`);
        const doc = failedDocument(file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, ""), file, message);
        documents.push(doc);
        diagnostics.push(diagnostic({ doc_id: doc.doc_id, path: file, severity: "error", stage: "read", code: "read-failed", message }));
      }
    }
    writeDataset(out, { records, documents, diagnostics });
    if (!values.quiet) process.stderr.write(`zhibiao: ${documents.length} documents, ${records.length} records → ${out}\n`);
    return failed ? 2 : 0;
  },
};
