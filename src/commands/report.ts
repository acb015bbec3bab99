import { readFileSync, existsSync } from "node:fs";
import { escapeControls } from "../batch/progress.js";
import { join } from "node:path";
import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { uniqueDocIds } from "../batch/docids.js";
import { readSelection } from "../review/read-selection.js";
import { collectInputs } from "../io/collect.js";
import { readDocument } from "../io/read.js";
import { writeFileAtomic } from "../io/write.js";
import { createEngine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import type { MetricRecord } from "../model/record.js";
import { buildReportHtml, type ReportDoc } from "../export/report-html.js";
import { buildReportIndex, type IndexEntry } from "../export/report-index.js";
import { pageLexicon } from "../export/report-lexicon.js";
import { findMisses } from "../review/misses.js";
import { createHash } from "node:crypto";
import { serveReview } from "../review/serve.js";
import { docIdOfRecordsFile, recordsFromJsonl } from "../export/report-records.js";

const HELP = `Usage: zhibiao report <files or folders...> --out <dir> [options]

Writes a self-contained review site (no network, opens from file://): for one input <dir>/report.html
is its page; for several, <dir>/report.html is an index (one row a report) and <dir>/docs/ holds one
page a report, so 1,000 reports open as fast as one. A page shows the report's text with every figure
highlighted by kind and status (target dashed), numbers no record covers as possible misses (dotted),
the record of a figure on hover or click (its value as written, 7248亿元, and its zhibiao explain line
to copy), the headings as an outline, the headline cells, counts, and a filterable, sortable table.

Reviewing: mark a record right (r), wrong (w) or correct its fields (e); select text and press a to
add a figure the rules missed (fields guessed from the text); a/d add or dismiss a possible miss; judge
headline cells the same way. Verdicts are kept in the browser; "export review" downloads review.jsonl
(docs/review.md), which zhibiao check --accept and zhibiao score --gold read.

Options:
  --out <dir>        output folder (required)
  --records <file>   show the records of this JSONL file (records.jsonl of a run, or a reviewed/gold
                     file) instead of extracting; lines without doc_id belong to the input named like
                     the file (a.gold.jsonl → a); repeatable
  --rules <dir>      an extra rule folder loaded on top of the built-in rules (repeatable)
  --title <text>     the page title (default "zhibiao review")
  --one-page         every report in one report.html (no index), as for a single input
  --serve            after writing, serve <dir> on http://127.0.0.1:<port> (loopback only) until
                     Ctrl-C; the page's "save to disk" writes <dir>/review.jsonl (checked first)
  --port <n>         the port for --serve (default 8765; 0 picks a free one)
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
      "one-page": { type: "boolean" },
      serve: { type: "boolean" },
      port: { type: "string" },
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

    // doc_ids as extract gives them (the path under the folder named), so --records of extract match
    const { items, missing } = collectInputs(positionals);
    const { ids } = uniqueDocIds(items);
    const docIdOfFile = new Map(items.flatMap((it, i) => (it.kind === "file" ? [[it.path, ids[i] as string] as const] : [])));
    const files = [...docIdOfFile.keys()];
    for (const m of missing) {
      failed++;
      warn(`${m}: no such file or folder`);
    }
    const engine = createEngine({ rulesDirs: strs(values.rules) });
    const extracting = !recordFiles.length;
    const lexicon = pageLexicon(engine.rules);
    const title = str(values.title);
    const onePage = values["one-page"] === true || files.length <= 1;
    // pages of one site share their verdicts in the browser; the site is the inputs as given
    const siteId = createHash("sha256").update(JSON.stringify([title ?? "", ...files])).digest("hex").slice(0, 16);
    const docs: ReportDoc[] = [];
    const entries: IndexEntry[] = [];
    let records = 0;
    const shown = new Set<string>();
    for (const [n, file] of files.entries()) {
      let doc: ReportDoc;
      try {
        const src = await readDocument(file, { doc_id: docIdOfFile.get(file) });
        if (extracting) {
          const result = await extractDocument(src, engine);
          doc = { doc_id: src.doc_id, path: src.path, title: result.document.title, text: src.text, records: result.records, panel: result.panel };
        } else {
          doc = { doc_id: src.doc_id, path: src.path, title: null, text: src.text, records: given.get(src.doc_id) ?? [] };
        }
        doc.misses = findMisses(doc.text, doc.records, engine.rules.lexicon, engine.rules.fragments);
      } catch (e) {
        failed++;
        warn(`${file}: ${(e as Error).message}`);
        continue;
      }
      shown.add(doc.doc_id);
      records += doc.records.length;
      if (onePage) {
        docs.push(doc);
        continue;
      }
      const href = `docs/${String(n + 1).padStart(4, "0")}-${doc.doc_id.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 80)}.html`;
      const page = buildReportHtml([doc], { title: `${doc.title ?? doc.doc_id} · ${title ?? "zhibiao review"}`, siteId, indexHref: "../report.html", lexicon });
      writeFileAtomic(join(out, href), page);
      const kinds: Record<string, number> = {};
      for (const r of doc.records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
      const warnings = doc.records.filter((r) => !(r.start >= 0 && r.end <= doc.text.length && doc.text.slice(r.start, r.end) === r.raw)).length;
      const first = doc.records[0];
      entries.push({ doc_id: doc.doc_id, title: doc.title, region: first?.region ?? null, year: first?.report_year ?? null, path: doc.path, href, chars: doc.text.length, records: doc.records.length, kinds, misses: doc.misses?.length ?? 0, cells: (doc.panel ?? []).filter((c) => !c.absent).length, warnings });
    }
    if (!extracting) {
      for (const id of given.keys()) if (!shown.has(id)) warn(`records of '${id}' have no input text among the inputs; not shown`);
    }
    const path = join(out, "report.html");
    if (onePage) writeFileAtomic(path, buildReportHtml(docs, { title, lexicon, ...(files.length > 1 ? { siteId } : {}) }));
    else writeFileAtomic(path, buildReportIndex(entries, { title, siteId }));
    if (!values.quiet) {
      const count = onePage ? docs.length : entries.length;
      process.stderr.write(`zhibiao: ${count} documents, ${records} records → ${path}${onePage ? "" : ` (index; one page a document in ${join(out, "docs")})`}\n`);
    }
    if (values.serve) {
      const port = Number(str(values.port) ?? 8765);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${String(str(values.port))}: not a port number`);
      await serveReview(out, port, (m) => process.stderr.write(`${m}\n`), (text, start, end) => readSelection(engine, text, start, end));
    }
    return failed ? 2 : 0;
  },
};
