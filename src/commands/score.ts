import { existsSync } from "node:fs";
import type { Command } from "./types.js";
import { parse, str, strs, UsageError } from "./args.js";
import { collectInputs } from "../io/collect.js";
import { readDocument } from "../io/read.js";
import { createEngine } from "../pipeline/engine.js";
import { extractDocument } from "../pipeline/document.js";
import { loadGoldSource } from "../review/gold-source.js";
import { loadPredictions } from "../eval/pred.js";
import { scoreRecords, textDirsLookup, type PredRecord } from "../eval/score.js";
import { formatScoreTable, rowMetrics } from "../eval/metrics.js";
import { checkFloors, formatFloorFailures, loadFloors } from "../eval/floors.js";

const HELP = `Usage: zhibiao score --gold <dir or file> [--text <dir> ...] (--pred <records.jsonl> | <files or folders...>)

Scores records against hand annotations (<dir>/<doc_id>.gold.jsonl, the format of ../shared/gold, windows
included), with the same figures as ../shared/eval/score.mjs: precision, recall and F1 of spans, strict F1
(span, value with unit, kind and qualifier right), and the share of matched spans with each field right
(value, kind, qual, status, indic, section), and offsets (share of records whose source.slice(start, end)
equals raw). Per report, per kind (gold kind; extra records by their own kind), and in total.

Given files or folders instead of --pred, extracts them first; their texts serve for the offsets check.

--gold may also be a review file (zhibiao report's Export, docs/review.md) or a folder holding review
files beside gold files: records judged right or corrected and figures added are the gold, wrong
records and dismissed misses are not; a document marked complete is gold over its whole text, another
only over the spans judged, so the figures compare with those of ../shared/gold.

Options:
  --gold <dir|file>     folder of <doc_id>.gold.jsonl files and/or review files, or one such file (required)
  --text <dir>          folder of <doc_id>.txt sources, the first that has the file is used (repeatable)
  --pred <file>         records.jsonl or records.json to score
  --errors              list every miss, extra and wrong field with its context
  --json                print the figures as JSON (counts as score.mjs --json gives them, plus fractions)
  --floors <file>       exit 1 naming each figure under its floor (quality/floors.json format)
  --rules <dir>         extra rule folder when extracting (repeatable)
  --base-rules <dir>    replace the built-in rules/ when extracting
  -h, --help            this help

Exit codes: 0 scored; 1 bad usage, or a figure under its floor (--floors); 2 some inputs could not be
read (the others are scored).
`;

export const scoreCommand: Command = {
  summary: "score records against hand annotations (precision, recall, F1, field accuracy)",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      gold: { type: "string" },
      text: { type: "string", multiple: true },
      pred: { type: "string" },
      errors: { type: "boolean" },
      json: { type: "boolean" },
      rules: { type: "string", multiple: true },
      "base-rules": { type: "string" },
      floors: { type: "string" },
    });
    const goldDir = str(values.gold);
    if (!goldDir) throw new UsageError("--gold <dir or file> is required");
    if (!existsSync(goldDir)) throw new UsageError(`--gold ${goldDir}: no such file or folder`);
    const gold = loadGoldSource(goldDir);
    const pred = str(values.pred);
    if (pred && positionals.length) throw new UsageError("give either --pred <file> or inputs to extract, not both");
    if (!pred && !positionals.length) throw new UsageError("give --pred <records.jsonl> or the files to extract");
    const textDirs = strs(values.text);
    for (const d of textDirs) if (!existsSync(d)) throw new UsageError(`--text ${d}: no such folder`);
    if (pred && !textDirs.length && !gold.textPaths.size) throw new UsageError("--text <dir> is required with --pred (the sources the offsets index)");
    const floorsFile = str(values.floors);
    if (floorsFile && !existsSync(floorsFile)) throw new UsageError(`--floors ${floorsFile}: no such file`);
    const floors = floorsFile ? loadFloors(floorsFile) : null;

    let records: PredRecord[];
    const texts = new Map<string, string>();
    let failed = 0;
    if (pred) {
      if (!existsSync(pred)) throw new UsageError(`--pred ${pred}: no such file`);
      records = loadPredictions(pred);
    } else {
      const engine = createEngine({ baseRulesDir: str(values["base-rules"]), rulesDirs: strs(values.rules) });
      const { files, missing } = collectInputs(positionals);
      for (const m of missing) {
        failed++;
        process.stderr.write(`zhibiao score: ${m}: no such file or folder\n`);
      }
      records = [];
      for (const file of files) {
        try {
          const doc = await readDocument(file);
          texts.set(doc.doc_id, doc.text);
          records.push(...extractDocument(doc, engine).records);
        } catch (e) {
          failed++;
          process.stderr.write(`zhibiao score: ${file}: ${(e as Error).message}\n`);
        }
      }
    }
    const fromDirs = textDirsLookup(textDirs);
    // a review names its inputs: their texts serve for the offsets when no other source has them
    for (const [id, p] of gold.textPaths) {
      if (texts.has(id) || fromDirs(id) !== null || !existsSync(p)) continue;
      try {
        texts.set(id, (await readDocument(p)).text);
      } catch (e) {
        process.stderr.write(`zhibiao score: ${p}: ${(e as Error).message} (offsets of ${id} not checked)\n`);
      }
    }
    const result = scoreRecords(gold.golds, records, (id) => fromDirs(id) ?? texts.get(id) ?? null);

    if (values.json) {
      const figures = Object.fromEntries([...result.documents, result.total].map((r) => [r.doc, rowMetrics(r)]));
      const kinds = Object.fromEntries(result.kinds.map((r) => [r.doc, rowMetrics(r)]));
      const out = { documents: result.documents, total: result.total, kinds: result.kinds, figures, kind_figures: kinds, ...(values.errors ? { errors: result.errors } : {}) };
      process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    } else {
      process.stdout.write(formatScoreTable([...result.documents, result.total]));
      process.stdout.write("\nBy kind (gold kind; extra records by their own kind):\n");
      process.stdout.write(formatScoreTable(result.kinds, "kind"));
      process.stdout.write(
        "\nP/R/F1: spans found; strictF1: span, value+unit, kind and qualifier all right; value..section: share of matched spans right; offsets: share of records whose source.slice(start,end) equals raw\n",
      );
      if (values.errors) process.stdout.write(result.errors.map((e) => e + "\n").join(""));
    }
    if (failed) return 2;
    const under = floors ? checkFloors(result, floors) : [];
    if (under.length) {
      process.stderr.write(`zhibiao score: ${under.length} figure${under.length > 1 ? "s" : ""} under the floors of ${floorsFile}:\n${formatFloorFailures(under)}\n`);
      return 1;
    }
    return 0;
  },
};
