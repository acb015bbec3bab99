import { existsSync, readFileSync } from "node:fs";
import { readDocument } from "../io/read.js";
import { createEngine } from "../pipeline/engine.js";
import { extractText, type Trace } from "../pipeline/extract.js";
import type { KnownReport } from "../eval/known.js";
import { readExpected, expectedJsonl, type StoredRecord } from "../eval/expected.js";
import { writeFileAtomic } from "../io/write.js";
import { isPanelItem } from "../model/review.js";
import { parseReview, type ReviewLine } from "./parse.js";
import { acceptDocument, type AcceptChange } from "./accept.js";
import { contextAt } from "./context.js";

export interface AcceptOptions {
  /** Only these records (record_id; an added or dismissed item by its `start-end`). */
  records?: readonly string[];
  /** Only these reports. */
  docs?: readonly string[];
  /** Check and show the changes, write nothing. */
  dryRun?: boolean;
  baseRulesDir?: string;
  rulesDirs?: readonly string[];
}

export interface AcceptResult {
  /** Every problem, `file:line: …`; when there is any, nothing was written. */
  problems: string[];
  changes: AcceptChange[];
  /** Expected files rewritten (or that would be, with dryRun). */
  written: string[];
  /** Items in scope, and panel verdicts skipped (they have no expected file). */
  selected: number;
  panelSkipped: number;
}

/** The id an item is selected by: its record_id, or `start-end` for an added or dismissed figure. */
const selector = (l: ReviewLine): string[] => {
  const i = l.item;
  if (isPanelItem(i)) return [i.cell.record_id ?? ""];
  if (i.verdict === "added" || i.verdict === "dismissed") return [`${i.start}-${i.end}`];
  return [i.record_id, `${i.start}-${i.end}`];
};

/**
 * `zhibiao check --accept`: validates the whole review file, then every selected verdict against the
 * known reports (their texts, current records and expected files); writes the expected files only when
 * there is no problem at all, so a review is never half-applied: `await acceptReview("r.jsonl", known, {})`.
 */
export async function acceptReview(file: string, known: readonly KnownReport[], opts: AcceptOptions = {}): Promise<AcceptResult> {
  const result: AcceptResult = { problems: [], changes: [], written: [], selected: 0, panelSkipped: 0 };
  if (!existsSync(file)) {
    result.problems.push(`${file}: no such file`);
    return result;
  }
  const review = parseReview(readFileSync(file, "utf8"), file);
  result.problems.push(...review.problems);
  if (!review.header) return result;
  for (const id of opts.docs ?? []) if (!review.header.documents.some((d) => d.doc_id === id)) result.problems.push(`${file}: --doc ${id}: the review has no such document`);
  const inScope = review.items.filter((l) => (!opts.docs?.length || opts.docs.includes(l.item.doc_id)) && (!opts.records?.length || selector(l).some((s) => opts.records!.includes(s))));
  for (const id of opts.records ?? []) if (!review.items.some((l) => selector(l).includes(id))) result.problems.push(`${file}: --record ${id}: no verdict of the review names it`);
  result.panelSkipped = inScope.filter((l) => isPanelItem(l.item)).length;
  const items = inScope.filter((l) => !isPanelItem(l.item));
  result.selected = items.length;
  const docIds = [...new Set(items.map((l) => l.item.doc_id))];
  for (const id of docIds) {
    if (!known.some((k) => k.doc_id === id)) {
      const first = items.find((l) => l.item.doc_id === id)!;
      result.problems.push(`${file}:${first.line}: ${id} is not a known report (corpus/known.yaml): add it with zhibiao check --add <its text>, or leave it out with --doc`);
    }
  }
  if (result.problems.length) return result;

  const engine = createEngine({ baseRulesDir: opts.baseRulesDir, rulesDirs: opts.rulesDirs ?? [] });
  const writes: { path: string; body: string; records: StoredRecord[] }[] = [];
  for (const id of docIds) {
    const k = known.find((x) => x.doc_id === id)!;
    if (!existsSync(k.textPath)) {
      result.problems.push(`${file}: ${id}: text file ${k.text} not found (${k.textPath})`);
      continue;
    }
    const src = await readDocument(k.textPath);
    const trace: Trace = { sentences: [], matches: [], rejected: [], steps: [] };
    // read as check reads it: the path as known.yaml names it
    const extracted = extractText(src.text, { ...src.overrides, doc_id: id, path: k.text }, engine, trace);
    let expected: StoredRecord[] | null;
    try {
      expected = readExpected(k.expectedPath);
    } catch (e) {
      result.problems.push(`${file}: ${id}: ${(e as Error).message}`);
      continue;
    }
    const cat = engine.rules.catalogue;
    const out = acceptDocument({
      doc_id: id,
      text: src.text,
      reviewed: review.header.documents.find((d) => d.doc_id === id)!,
      fresh: extracted.records,
      expected,
      items: items.filter((l) => l.item.doc_id === id),
      meta: { region: extracted.meta.region, region_code: extracted.meta.region_code, level: extracted.meta.level, report_date: extracted.meta.report_date, report_year: extracted.meta.report_year, path: k.text },
      lexicon: engine.rules.lexicon,
      indicatorName: (code) => cat.byCode.get(code)?.spec.name_zh,
      contextAt: (s, e) => contextAt(trace.sentences, src.text, s, e, extracted.meta.report_year),
      source: file,
    });
    result.problems.push(...out.problems);
    result.changes.push(...out.changes);
    const body = expectedJsonl(out.records);
    const before = existsSync(k.expectedPath) ? readFileSync(k.expectedPath, "utf8") : null;
    if (!out.problems.length && body !== before) writes.push({ path: k.expectedPath, body, records: out.records });
  }
  if (result.problems.length) {
    result.changes = [];
    return result;
  }
  result.written = writes.map((w) => w.path);
  if (!opts.dryRun) for (const w of writes) writeFileAtomic(w.path, w.body);
  return result;
}
