import { readFileSync, existsSync } from "node:fs";
import { escapeControls } from "../batch/progress.js";
import { join } from "node:path";
import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { collectInputs } from "../io/collect.js";
import { readDocument } from "../io/read.js";
import { writeFileAtomic } from "../io/write.js";
import { createEngine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import type { MetricRecord } from "../model/record.js";
import { buildReportHtml, type ReportDoc } from "../export/report-html.js";
import { docIdOfRecordsFile, recordsFromJsonl } from "../export/report-records.js";

const HELP = `Usage: zhibiao report <files or folders...> --out <dir> [options]

Writes <dir>/report.html, one self-contained page (no network, opens from file://) to review a run:
each report's text with every figure highlighted by kind, the record of a figure on hover or click,
the headings as an outline, counts per kind and per section, and a filterable, sortable records table.

Options:
  --out <dir>        output folder (required)
  --records <file>   show the records of this JSONL file (records.jsonl of a run, or a reviewed/gold
                     file) instead of extracting; lines without doc_id belong to the input named like
                     the file (a.gold.jsonl → a); repeatable
  --rules <dir>      an extra rule folder loaded on top of the built-in rules (repeatable)
  --title <text>     the page title (default "zhibiao review")
  --quiet            no summary on stderr
  -h, --help         this help

Exit codes: 0 success; 1 bad usage; 2 some inputs failed (the page shows the others).
`;

export const reportCommand: Command = {
  summary: "write report.html, a page to review the figures found in reports",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      out: { type: "string" },
      records: { type: "string", multiple: true },
      rules: { type: "string", multiple: true },
      title: { type: "string" },
      quiet: { type: "boolean" },
    });
    if (!positionals.length) throw new UsageError("no input given");
    const out = str(values.out);
    if (!out) throw new UsageError("--out <dir> is required");
    let failed = 0;
    const warn = (message: string) => process.stderr.write(`zhibiao report: ${escapeControls(message)}\n`);

    const given = new Map<string, MetricRecord[]>();
    const recordFiles = strs(values.records);
    for (const file of recordFiles) {
      if (!existsSync(file)) throw new UsageError(`--records ${file}: no such file`);
      const { records, problems } = recordsFromJsonl(readFileSync(file, "utf8"), docIdOfRecordsFile(file), file);
      problems.forEach(warn);
      for (const r of records) given.set(r.doc_id, [...(given.get(r.doc_id) ?? []), r]);
    }

    const { files, missing } = collectInputs(positionals);
    for (const m of missing) {
      failed++;
      warn(`${m}: no such file or folder`);
    }
    const engine = recordFiles.length ? null : createEngine({ rulesDirs: strs(values.rules) });
    const docs: ReportDoc[] = [];
    for (const file of files) {
      try {
        const src = await readDocument(file);
        if (engine) {
          const result = await extractDocument(src, engine);
          docs.push({ doc_id: src.doc_id, path: src.path, title: result.document.title, text: src.text, records: result.records });
        } else {
          docs.push({ doc_id: src.doc_id, path: src.path, title: null, text: src.text, records: given.get(src.doc_id) ?? [] });
        }
      } catch (e) {
        failed++;
        warn(`${file}: ${(e as Error).message}`);
      }
    }
    if (engine === null) {
      const shown = new Set(docs.map((d) => d.doc_id));
      for (const id of given.keys()) if (!shown.has(id)) warn(`records of '${id}' have no input text among the inputs; not shown`);
    }
    const path = join(out, "report.html");
    writeFileAtomic(path, buildReportHtml(docs, { title: str(values.title) }));
    if (!values.quiet) {
      const n = docs.reduce((a, d) => a + d.records.length, 0);
      process.stderr.write(`zhibiao: ${docs.length} documents, ${n} records → ${path}\n`);
    }
    return failed ? 2 : 0;
  },
};
