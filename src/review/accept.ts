import { createHash } from "node:crypto";
import type { MetricRecord } from "../model/record.js";
import type { AddedItem, ReviewDocument, ReviewFields } from "../model/review.js";
import { isPanelItem } from "../model/review.js";
import type { StoredRecord } from "../eval/expected.js";
import type { Lexicon } from "../rules/lexicon.js";
import { SPECIAL_UNITS } from "../resolve/figure.js";
import { recordId } from "../pipeline/record-id.js";
import type { ReviewLine } from "./parse.js";

/** Where an added figure stands: what the engine's segmentation says of its offset. */
export interface FigureContext {
  section: string;
  section_title: string | null;
  topic: string | null;
  sentence: string;
  status: MetricRecord["status"];
}

/** Everything `acceptDocument` needs of one known report; it reads no file. */
export interface AcceptInput {
  doc_id: string;
  /** The report's text as read now. */
  text: string;
  /** The review header's entry for the report. */
  reviewed: ReviewDocument;
  /** The report's records as the rules give them now. */
  fresh: readonly MetricRecord[];
  /** Its expected records (corpus/expected), null when it has none. */
  expected: readonly StoredRecord[] | null;
  /** The selected items of this report, with their line numbers. */
  items: readonly ReviewLine[];
  /** The report-wide fields of a new record (region, region_code, level, report_date, report_year, path). */
  meta: Pick<MetricRecord, "region" | "region_code" | "level" | "report_date" | "report_year" | "path">;
  lexicon: Lexicon;
  /** Catalogue code → Chinese name; undefined when the code is unknown. */
  indicatorName: (code: string) => string | undefined;
  /** The context of an offset (sentence, section) from the engine's segmentation. */
  contextAt: (start: number, end: number) => FigureContext;
  source: string;
}

/** One change an accepted verdict makes to an expected file. */
export interface AcceptChange {
  line: number;
  doc_id: string;
  action: "added" | "removed" | "replaced" | "unchanged";
  verdict: string;
  record: StoredRecord;
  /** The fields that changed when replaced: name, old, new. */
  fields: { field: string; old: unknown; new: unknown }[];
}

export interface AcceptOutcome {
  records: StoredRecord[];
  changes: AcceptChange[];
  problems: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const show = (v: unknown) => JSON.stringify(v ?? null);

/** sha256 of a text as the review header keeps it: `textSha256("税收")`. */
export function textSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The dimension and SI value of a value in a unit, as the resolver gives them: `unitFacts(2, "公里", lex)`. */
export function unitFacts(value: number, unit: string, lex: Lexicon): Pick<MetricRecord, "dimension" | "si_value" | "si_unit"> {
  const special = SPECIAL_UNITS[unit];
  if (special) return { dimension: special.dimension, si_value: null, si_unit: null };
  const entry = lex.units.get(unit);
  if (!entry) return { dimension: null, si_value: null, si_unit: null };
  const si = entry.si;
  return { dimension: entry.dimension, si_value: si ? Number((value * si[0]).toPrecision(12)) : null, si_unit: si ? si[1] : null };
}

/** A record with reviewed fields put in, its derived fields (indicator_name, dimension, SI) made to follow. */
function withFields(base: StoredRecord, f: Partial<ReviewFields>, input: AcceptInput): StoredRecord {
  const r: StoredRecord = { ...base, ...f };
  if ("indicator_code" in f) r.indicator_name = f.indicator_code ? (input.indicatorName(f.indicator_code) ?? null) : null;
  if ("unit" in f || "value" in f) Object.assign(r, unitFacts(Number(r.value), String(r.unit), input.lexicon));
  if ("period" in f) r.period_inferred = false;
  return r;
}

/** The full record of a figure the reviewer added, in the schema's keys, rule_id "review". */
function addedRecord(item: AddedItem, input: AcceptInput): StoredRecord {
  const ctx = input.contextAt(item.start, item.end);
  const f = item.fields;
  const code = f.indicator_code ?? null;
  return {
    doc_id: input.doc_id,
    record_id: recordId(input.doc_id, item.start, item.end),
    start: item.start,
    end: item.end,
    raw: item.raw,
    kind: f.kind,
    value: f.value,
    value_max: f.value_max ?? null,
    unit: f.unit,
    qualifier: f.qualifier ?? (f.value_max !== undefined && f.value_max !== null ? "range" : "exact"),
    ...unitFacts(f.value, f.unit, input.lexicon),
    indicator: f.indicator ?? null,
    indicator_code: code,
    indicator_name: code ? (input.indicatorName(code) ?? null) : null,
    status: f.status ?? ctx.status,
    period: f.period ?? null,
    period_inferred: f.period === undefined,
    section: ctx.section,
    section_title: f.section_title !== undefined ? f.section_title : ctx.section_title,
    topic: ctx.topic,
    sentence: ctx.sentence,
    rule_id: "review",
    ...input.meta,
  };
}

/**
 * Checks one report's selected verdicts against its text, its current records and its expected file,
 * and, when nothing is wrong, applies them to the expected records. Any problem (text changed since
 * the review, a record that no longer exists or changed, an unknown indicator code) is returned with
 * its line and nothing is applied: `acceptDocument({ doc_id, text, reviewed, fresh, expected, items, … })`.
 */
export function acceptDocument(input: AcceptInput): AcceptOutcome {
  const problems: string[] = [];
  const at = (line: number, msg: string) => problems.push(`${input.source}:${line}: ${input.doc_id}: ${msg}`);
  if (textSha256(input.text) !== input.reviewed.text_sha256) {
    at(1, `the report's text changed since the review (sha256 ${input.reviewed.text_sha256.slice(0, 12)}… in the review, ${textSha256(input.text).slice(0, 12)}… now): review it again`);
    return { records: [], changes: [], problems };
  }
  if (input.expected === null) {
    at(1, "the report has no expected file yet: write it first (zhibiao check --update --report ID), then accept the review");
    return { records: [], changes: [], problems };
  }
  const byId = (list: readonly StoredRecord[], id: string) => list.find((r) => r.record_id === id);
  type Step = { line: number; verdict: string; remove: (r: StoredRecord) => boolean; put: StoredRecord | null };
  const steps: Step[] = [];
  for (const { line, item } of input.items) {
    if (isPanelItem(item)) continue;
    const slice = input.text.slice(item.start, item.end);
    if (slice !== item.raw) {
      at(line, `the text at [${item.start}, ${item.end}) is “${slice.slice(0, 40)}”, not “${item.raw.slice(0, 40)}”`);
      continue;
    }
    const sameSpan = (r: StoredRecord) => r.start === item.start && r.end === item.end;
    const codeOk = (f: Partial<ReviewFields>) => {
      if (f.indicator_code && input.indicatorName(f.indicator_code) === undefined) {
        at(line, `unknown indicator_code ${show(f.indicator_code)} (not in the catalogue, rules/indicators)`);
        return false;
      }
      return true;
    };
    if (item.verdict === "added") {
      if (!codeOk(item.fields)) continue;
      steps.push({ line, verdict: "added", remove: sameSpan, put: addedRecord(item, input) });
      continue;
    }
    if (item.verdict === "dismissed") continue;
    // a judged record: the one the page showed, now, in the current extraction or the expected file
    const found = [byId(input.fresh, item.record_id), byId(input.expected, item.record_id)].filter((r): r is StoredRecord => r !== undefined);
    if (!found.length) {
      at(line, `record ${item.record_id} (“${item.raw.slice(0, 30)}” at ${item.start}) no longer exists: neither the current rules nor the expected file have it`);
      continue;
    }
    const fieldsSeen = Object.entries(item.shown) as [string, unknown][];
    const diff = (r: StoredRecord) => fieldsSeen.filter(([k, v]) => !same(r[k], v));
    const base = found.find((r) => r.start === item.start && r.end === item.end && !diff(r).length);
    if (!base) {
      const r = found[0];
      const moved = r.start !== item.start || r.end !== item.end ? [`span was [${item.start}, ${item.end}), now [${r.start}, ${r.end})`] : [];
      at(line, `record ${item.record_id} changed since the review: ${[...moved, ...diff(r).map(([k, v]) => `${k} was ${show(v)}, now ${show(r[k])}`)].join("; ")}`);
      continue;
    }
    const mine = (r: StoredRecord) => r.record_id === item.record_id || sameSpan(r);
    if (item.verdict === "right") steps.push({ line, verdict: "right", remove: mine, put: base });
    else if (item.verdict === "wrong") steps.push({ line, verdict: "wrong", remove: mine, put: null });
    else if (codeOk(item.fields)) steps.push({ line, verdict: "corrected", remove: mine, put: withFields(base, item.fields, input) });
  }
  if (problems.length) return { records: [], changes: [], problems };

  let records = [...input.expected];
  const changes: AcceptChange[] = [];
  for (const s of steps) {
    const gone = records.filter(s.remove);
    records = records.filter((r) => !s.remove(r));
    if (s.put) records.push(s.put);
    const old = gone[0];
    if (!s.put) {
      for (const g of gone) changes.push({ line: s.line, doc_id: input.doc_id, action: "removed", verdict: s.verdict, record: g, fields: [] });
      if (!gone.length) changes.push({ line: s.line, doc_id: input.doc_id, action: "unchanged", verdict: s.verdict, record: { start: 0, end: 0 }, fields: [] });
      continue;
    }
    if (!old) {
      changes.push({ line: s.line, doc_id: input.doc_id, action: "added", verdict: s.verdict, record: s.put, fields: [] });
      continue;
    }
    const keys = [...new Set([...Object.keys(old), ...Object.keys(s.put)])];
    const fields = keys.filter((k) => !same(old[k], s.put![k])).map((k) => ({ field: k, old: old[k], new: s.put![k] }));
    changes.push({ line: s.line, doc_id: input.doc_id, action: fields.length ? "replaced" : "unchanged", verdict: s.verdict, record: s.put, fields });
  }
  return { records, changes, problems };
}
