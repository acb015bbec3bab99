import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { createEngine } from "../pipeline/engine.js";
import { extractText, type Trace } from "../pipeline/extract.js";
import type { Candidate } from "../refine/candidate.js";
import { docIdOf, normalizeDocId } from "../io/collect.js";
import { describeError } from "../io/errors.js";
import { readDocument } from "../io/read.js";
import { metaFor, readMetaFile, type MetaOverride } from "../io/meta-file.js";
import type { ReadDocument } from "../io/decode.js";

const HELP = `Usage: zhibiao explain "<text>" [options]
       zhibiao explain --file <report> [--at <offset>] [--meta <file.csv>] [--ocr] [options]

Shows why figures come out as they do: the sentences (clauses) of the text, nodejieba's words with
their part-of-speech tags, every rule that matched with its span and named captures, matches the
resolver rejected and why, what each refiner changed, the final records, which entry of the indicator
catalogue (rules/indicators) named each figure or why none did, and whether each named figure is a
headline cell of the panel (and why not).

Options:
  --file <path>     explain a file instead of a text argument, read exactly as extract reads it
                    (.txt in any encoding, .html, .docx, .doc, .wps, .rtf, .odt, .pdf)
  --at <offset>     with --file: only the sentence that holds this UTF-16 offset (the start or
                    end of a record extract wrote: they index the same text)
  --meta <file.csv> with --file: the row of extract's --meta table for this file, over its text
  --ocr             with --file: read PDF pages without a text layer by OCR, as extract --ocr does
  --doc-id <id>     the doc_id extract gave the file (documents.jsonl), so record_ids match: a file
                    found under a folder has its path there as doc_id (default: the file name)
  --rules <dir>     an extra rule folder on top of the built-in rules (repeatable)
  --json            the final records as JSON lines instead of the report
  -h, --help        this help
`;

export const explainCommand: Command = {
  summary: "show the rules, captures and refiner steps behind each figure of a text",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      file: { type: "string" },
      at: { type: "string" },
      rules: { type: "string", multiple: true },
      json: { type: "boolean" },
      meta: { type: "string" },
      ocr: { type: "boolean" },
      "doc-id": { type: "string" },
    });
    const file = str(values.file);
    const metaFile = str(values.meta);
    if (!file && (metaFile || values.ocr)) throw new UsageError("--meta and --ocr go with --file <path>");
    let text: string;
    let doc: ReadDocument | null = null;
    let overrides: MetaOverride | undefined;
    if (file) {
      const table = metaFile ? readMetaFile(metaFile) : null;
      try {
        // the batch worker's reader: same text, same offsets
        doc = await readDocument(file, { ocr: values.ocr === true });
      } catch (e) {
        const { code, message } = describeError(e);
        throw Object.assign(new Error(`${file}: ${message} (${code})`), { exitCode: 2 });
      }
      text = doc.text;
      const row = table ? metaFor(table, doc.doc_id, file) : null;
      if (table && !row) process.stderr.write(`zhibiao explain: warning: --meta ${metaFile} has no row for ${file} (doc_id ${doc.doc_id})\n`);
      overrides = row?.meta;
    } else if (positionals.length) text = positionals.join(" ");
    else throw new UsageError("give a text or --file <path>");
    const at = str(values.at) === undefined ? null : Number(str(values.at));
    if (at !== null && (!Number.isInteger(at) || at < 0 || at > text.length)) throw new UsageError(`--at must be an offset between 0 and ${text.length}`);

    const engine = createEngine({ rulesDirs: strs(values.rules) });
    const trace: Trace = { sentences: [], matches: [], rejected: [], steps: [], names: new Map(), cells: [] };
    const givenId = str(values["doc-id"]);
    const docId = givenId !== undefined ? normalizeDocId(givenId) : file ? docIdOf(file) : "text";
    if (!docId) throw new UsageError("--doc-id takes a non-empty id");
    const result = extractText(text, { ...overrides, doc_id: docId, path: file ?? null }, engine, trace);
    const inScope = (start: number, end: number) => at === null || (start <= at && at < Math.max(end, start + 1));
    const sentences = trace.sentences.filter((s) => inScope(s.start, s.end));
    const keep = new Set(sentences.map((s) => s.index));
    const records = result.records.filter((r) => at === null ? true : sentences.some((s) => r.start >= s.start && r.end <= s.end));
    if (values.json) {
      for (const r of records) process.stdout.write(JSON.stringify(r) + "\n");
      return 0;
    }
    const w = (s = "") => process.stdout.write(s + "\n");
    if (doc) {
      w(`── read ${doc.path}: reader ${doc.reader}${doc.encoding ? `, encoding ${doc.encoding}` : ""}, ${doc.text.length} characters${overrides ? `, --meta ${Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(" ")}` : ""}`);
      for (const d of doc.diagnostics) w(`   ${d.severity} ${d.code}: ${d.message}`);
    }
    const label = (c: Candidate) => `${c.sentence.text.slice(c.start, c.end)} [${c.match.rule.spec.id}] ${c.metric.kind} ${c.metric.value}${c.metric.value_max !== null ? `–${c.metric.value_max}` : ""} ${c.metric.unit} ${c.metric.qualifier}${c.indicator ? ` «${c.indicator}»` : ""}${c.status ? ` ${c.status}` : ""}`;
    for (const s of sentences) {
      w(`── sentence ${s.index} [${s.start}, ${s.end})  section: ${s.path.map((h) => h.label).join(" > ") || "(none)"}  part: ${s.part ?? "-"}${s.topic ? `  topic: ${s.topic}` : ""}`);
      w(`   ${s.text}`);
      w(`   words: ${engine.tokenizer.tag(s.text).map((t) => `${t.word}/${t.tag}`).join(" ")}`);
      for (const m of trace.matches.filter((x) => x.sentence.index === s.index)) {
        const caps = Object.entries(m.groups).map(([k, g]) => `${k}=${g.text}`).join(" ");
        const rej = trace.rejected.find((r) => r.match === m);
        w(`   match ${m.rule.spec.id} (priority ${m.rule.spec.priority}, ${m.rule.file}:${m.rule.line ?? "?"}) at [${s.map[m.start]}, ${s.map[m.end - 1] + 1}): ${caps}${rej ? `  ✗ rejected: ${rej.reason}` : ""}`);
      }
    }
    w("── refiners");
    for (const step of trace.steps) {
      const before = step.before.filter((c) => keep.has(c.sentence.index));
      const after = step.after.filter((c) => keep.has(c.sentence.index));
      const key = (c: Candidate) => `${c.sentence.index}:${c.start}:${c.end}:${c.match.rule.spec.id}`;
      const afterKeys = new Map(after.map((c) => [key(c), c]));
      const lines: string[] = [];
      for (const b of before) {
        const a = afterKeys.get(key(b));
        if (!a) lines.push(`   - dropped ${label(b)}`);
        else if (label(a) !== label(b)) lines.push(`   ~ ${label(b)}\n       → ${label(a)}`);
      }
      w(`   ${step.name}: ${lines.length ? "" : "no change"}`);
      lines.forEach((l) => w(l));
    }
    w("── records");
    for (const r of records) {
      w(`   [${r.start}, ${r.end}) ${JSON.stringify(r.raw)} ${r.kind} ${r.value}${r.value_max !== null ? `–${r.value_max}` : ""} ${r.unit} ${r.qualifier}  indicator: ${r.indicator ?? "-"}  status: ${r.status}  period: ${r.period ?? "-"}${r.period_inferred ? " (inferred)" : ""}  rule: ${r.rule_id}`);
    }
    if (!records.length) w("   (none)");
    w("── catalogue (rules/indicators)");
    for (const r of records) {
      const named = trace.names?.get(r.record_id);
      w(`   ${JSON.stringify(r.raw)} «${r.indicator ?? ""}»: ${named?.names.length ? named.names.map((n) => n.code).join(", ") : "no code"}`);
      for (const why of named?.why ?? []) w(`       ${why}`);
    }
    w("── panel (headline cells)");
    const shown = new Set(records.map((r) => r.record_id));
    const verdicts = (trace.cells ?? []).filter((v) => shown.has(v.record_id));
    const rawOf = new Map(records.map((r) => [r.record_id, r.raw]));
    for (const v of verdicts) w(`   ${JSON.stringify(rawOf.get(v.record_id))} ${v.code}: ${v.cell ? `cell ${v.cell} — ` : "no cell — "}${v.why}`);
    if (!verdicts.length) w("   (no named figure)");
    return 0;
  },
};
