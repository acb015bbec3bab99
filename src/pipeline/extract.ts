import { recordId } from "./record-id.js";
import type { MetricRecord } from "../model/record.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import type { DocumentMeta } from "../model/document.js";
import type { Engine } from "./engine.js";
import { normalize } from "../normalize/normalize.js";
import { segment } from "../segment/segment.js";
import { documentMeta, partPeriods } from "../segment/meta.js";
import { deliveredYear, reporterRegion } from "../segment/body-meta.js";
import { applyOverrides } from "./overrides.js";
import { timeFrames } from "../refine/frames.js";
import { regionCode } from "./region-code.js";
import { partFromPath } from "../segment/segment.js";
import { reclassifyParts } from "../segment/headings.js";
import type { Sentence } from "../segment/types.js";
import { matchSentence, type Match } from "../match/match.js";
import { RESOLVERS } from "../resolve/figure.js";
import type { Candidate, RefineContext } from "../refine/candidate.js";
import { REFINERS } from "../refine/index.js";
import type { PanelRow } from "../model/panel.js";
import { nameFigure, phraseParts, type NameResult } from "../name/name.js";
import { buildPanel, type CellVerdict, type PanelFigure } from "../panel/panel.js";
import { absentStatements } from "../panel/absent.js";
import { MATCH_BUDGET_MS, MAX_RECORD_SENTENCE, RECORD_SENTENCE_WINDOW } from "../limits.js";

export interface TextOptions {
  doc_id: string;
  /** The input file as given, for the records' `path` (null or absent from the library). */
  path?: string | null;
  report_date?: string | null;
  region?: string | null;
  /** Overrides of what the front matter says (--meta): level, report year, title, region code. */
  level?: DocumentMeta["level"];
  report_year?: number | null;
  title?: string | null;
  region_code?: string | null;
  /** Time budget for matching one document, in ms (a runaway becomes a diagnostic, not a hang). */
  budgetMs?: number;
  /**
   * The most records the document may have (the batch's ZHIBIAO_MAX_RECORDS): past it, once refined,
   * the document gives no records and an error diagnostic `too-many-records`, without naming, panel
   * or records being built for a document that is refused anyway.
   */
  maxRecords?: number;
}

export interface ExtractTextResult {
  records: MetricRecord[];
  diagnostics: Diagnostic[];
  meta: DocumentMeta;
  /** The headline cells of the report (PANEL.md), from its records. */
  panel: PanelRow[];
}

/** Everything extractText saw, for `zhibiao explain`. */
export interface Trace {
  sentences: Sentence[];
  matches: Match[];
  rejected: { match: Match; reason: string }[];
  steps: { name: string; before: Candidate[]; after: Candidate[] }[];
  /** What the catalogue made of each record (by record_id), and why each named figure is or is not a panel cell. */
  names?: Map<string, NameResult>;
  cells?: CellVerdict[];
}

/** read → normalize → segment → match → resolve → refine over one text: `extractText("增长5%", {doc_id:"a"}, engine)`. */
export function extractText(source: string, opts: TextOptions, engine: Engine, trace?: Trace): ExtractTextResult {
  const diagnostics: Diagnostic[] = [];
  const { text } = normalize(source);
  const lex = engine.rules.lexicon;
  const seg = segment(text, lex);
  const meta = documentMeta(text.slice(seg.front.start, seg.front.end), seg.headings);
  // who reports (我代表国务院, 我代表深圳市人民政府), when the front matter names no region
  if (!meta.region && !meta.level) Object.assign(meta, reporterRegion(text.slice(seg.front.end, seg.front.end + 400)) ?? {});
  // no date and no year in the title: the year after the one the first review part reports (or, in a
  // mid-year report, the year of the half it reviews)
  const titleYear = /\d{4}年/.test(meta.title ?? "");
  let delivered = meta.report_date ? Number(meta.report_date.slice(0, 4)) : null;
  if (delivered === null && !titleYear) {
    const year = deliveredYear(seg.sentences, seg.headings);
    if (year !== null) delivered = meta.report_year = year;
  }
  delivered = applyOverrides(meta, opts, diagnostics) ?? delivered;
  if (reclassifyParts(seg.headings, delivered)) for (const s of seg.sentences) s.part = partFromPath(s.path);
  Object.assign(meta, partPeriods(seg.headings, meta.report_year));
  meta.region_code = regionCode(meta, opts, diagnostics);

  // match + resolve
  const budget = opts.budgetMs ?? MATCH_BUDGET_MS;
  const started = Date.now();
  let candidates: Candidate[] = [];
  for (const sentence of seg.sentences) {
    if (Date.now() - started > budget) {
      diagnostics.push(diagnostic({ doc_id: opts.doc_id, severity: "error", stage: "match", code: "time-budget", message: `matching stopped after ${budget} ms at offset ${sentence.start}: the rest of the document was not extracted`, start: sentence.start, end: null }));
      break;
    }
    for (const m of matchSentence(sentence, engine.rules.rules)) {
      trace?.matches.push(m);
      const resolved = RESOLVERS[m.rule.spec.resolver](m, lex);
      if (!resolved.ok) {
        trace?.rejected.push({ match: m, reason: resolved.reason });
        continue;
      }
      candidates.push({ match: m, metric: resolved.metric, sentence, start: m.start, end: m.end, indicator: null, suffixEnd: null, status: null, period: null, periodInferred: true });
    }
  }
  if (trace) trace.sentences.push(...seg.sentences);

  // refine
  const ctx: RefineContext = { lexicon: lex, tokenizer: engine.tokenizer, meta, diagnostics, docId: opts.doc_id, frames: timeFrames(seg.sentences, meta.report_year) };
  candidates.sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  for (const refiner of REFINERS) {
    const before = trace ? candidates.map((c) => ({ ...c, metric: { ...c.metric } })) : [];
    candidates = refiner.run(candidates, ctx);
    if (trace) trace.steps.push({ name: refiner.name, before, after: candidates.map((c) => ({ ...c, metric: { ...c.metric } })) });
  }

  if (opts.maxRecords !== undefined && candidates.length > opts.maxRecords) {
    const message = `too many records: ${candidates.length.toLocaleString("en-US")} > ${opts.maxRecords.toLocaleString("en-US")} (ZHIBIAO_MAX_RECORDS); none written`;
    diagnostics.push(diagnostic({ doc_id: opts.doc_id, severity: "error", stage: "refine", code: "too-many-records", message, start: null, end: null }));
    return { records: [], diagnostics, meta, panel: [] };
  }

  // name: each figure's catalogue code; the i-th figure of a phrase naming several indicators (分别) takes the i-th
  const cat = engine.rules.catalogue;
  const parts = partsOf(candidates, lex, cat);
  const figures: PanelFigure[] = [];
  const records = candidates.map((c, i) => {
    const record = toRecord(c, source, opts.doc_id, meta, opts.path ?? null);
    const named = nameFigure({ indicator: c.indicator, kind: c.metric.kind, unit: c.metric.unit, dimension: c.metric.dimension }, cat, lex, parts[i] ?? null);
    trace?.names?.set(record.record_id, named);
    const first = named.names[0];
    if (first) {
      record.indicator_code = first.code;
      record.indicator_name = cat.byCode.get(first.code)?.spec.name_zh ?? null;
      const prev = candidates[i - 1];
      const from = prev && prev.sentence === c.sentence ? prev.end : 0;
      figures.push({ record, names: named.names, text: c.sentence.text, at: c.start, end: c.end, from, part: c.sentence.part, sentenceIndex: c.sentence.index });
    }
    return record;
  });
  records.sort((a, b) => a.start - b.start || a.end - b.end);
  const absents = absentStatements(seg.sentences, source, lex, cat);
  const panel = buildPanel({ doc_id: opts.doc_id, meta, region_code: meta.region_code }, figures, absents, lex, cat, trace?.cells);
  return { records, diagnostics, meta, panel };
}

/**
 * For each candidate, which part of its indicator phrase it takes when the phrase names several
 * (城乡居民人均可支配收入分别增长4.4%、5.8% → 0, 1); null when it takes them all (…均增长8%) or names one.
 */
function partsOf(cands: readonly Candidate[], lex: RefineContext["lexicon"], cat: Engine["rules"]["catalogue"]): (number | null)[] {
  const out: (number | null)[] = cands.map(() => null);
  const groups = new Map<string, number[]>();
  cands.forEach((c, i) => {
    if (!c.indicator || phraseParts(c.indicator, lex, cat) < 2) return;
    const k = `${c.sentence.index}\u0000${c.indicator}\u0000${c.metric.kind}\u0000${c.metric.unit}`;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  for (const list of groups.values()) if (list.length > 1) list.forEach((idx, n) => (out[idx] = n));
  return out;
}

function toRecord(c: Candidate, source: string, docId: string, meta: DocumentMeta, inputPath: string | null): MetricRecord {
  const map = c.sentence.map;
  const start = map[c.start];
  const end = map[c.end - 1] + 1;
  const path = c.sentence.path;
  const innermost = path.length ? path[path.length - 1] : null;
  return {
    doc_id: docId,
    record_id: recordId(docId, start, end),
    start,
    end,
    raw: source.slice(start, end),
    kind: c.metric.kind,
    value: c.metric.value,
    value_max: c.metric.value_max,
    unit: c.metric.unit,
    qualifier: c.metric.qualifier,
    dimension: c.metric.dimension,
    si_value: c.metric.si_value,
    si_unit: c.metric.si_unit,
    indicator: c.indicator,
    indicator_code: null,
    indicator_name: null,
    status: c.status ?? "actual",
    period: c.period,
    period_inferred: c.periodInferred,
    section: path.map((h) => h.label).join(" > "),
    section_title: innermost ? innermost.title : null,
    topic: c.sentence.topic,
    sentence: recordSentence(source, c.sentence.start, c.sentence.end, start, end),
    rule_id: c.match.rule.spec.id,
    region: meta.region,
    region_code: meta.region_code,
    level: meta.level,
    report_date: meta.report_date,
    report_year: meta.report_year,
    path: inputPath,
  };
}

/**
 * The sentence a record carries, white space collapsed; a sentence of more than MAX_RECORD_SENTENCE
 * characters as read is cut to RECORD_SENTENCE_WINDOW characters either side of the figure, with `…`
 * where it is cut: `recordSentence(src, 0, 1500, 700, 705)` → "…(100 chars)5万元(100 chars)…".
 */
export function recordSentence(source: string, from: number, to: number, start: number, end: number): string {
  if (to - from <= MAX_RECORD_SENTENCE) return source.slice(from, to).replace(/\s+/g, " ").trim();
  const a = Math.max(from, start - RECORD_SENTENCE_WINDOW);
  const b = Math.min(to, end + RECORD_SENTENCE_WINDOW);
  return `${a > from ? "…" : ""}${source.slice(a, b).replace(/\s+/g, " ").trim()}${b < to ? "…" : ""}`;
}
