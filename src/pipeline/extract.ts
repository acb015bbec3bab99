import { createHash } from "node:crypto";
import type { MetricRecord } from "../model/record.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import type { DocumentMeta } from "../model/document.js";
import type { Engine } from "./engine.js";
import { normalize } from "../normalize/normalize.js";
import { segment } from "../segment/segment.js";
import { documentMeta, partPeriods } from "../segment/meta.js";
import { partFromPath } from "../segment/segment.js";
import { reclassifyParts } from "../segment/headings.js";
import type { Sentence } from "../segment/types.js";
import { matchSentence, type Match } from "../match/match.js";
import { RESOLVERS } from "../resolve/figure.js";
import type { Candidate, RefineContext } from "../refine/candidate.js";
import { REFINERS } from "../refine/index.js";

export interface TextOptions {
  doc_id: string;
  report_date?: string | null;
  region?: string | null;
  /** Time budget for matching one document, in ms (a runaway becomes a diagnostic, not a hang). */
  budgetMs?: number;
}

export interface ExtractTextResult {
  records: MetricRecord[];
  diagnostics: Diagnostic[];
  meta: DocumentMeta;
}

/** Everything extractText saw, for `zhibiao explain`. */
export interface Trace {
  sentences: Sentence[];
  matches: Match[];
  rejected: { match: Match; reason: string }[];
  steps: { name: string; before: Candidate[]; after: Candidate[] }[];
}

/** read → normalize → segment → match → resolve → refine over one text: `extractText("增长5%", {doc_id:"a"}, engine)`. */
export function extractText(source: string, opts: TextOptions, engine: Engine, trace?: Trace): ExtractTextResult {
  const diagnostics: Diagnostic[] = [];
  const { text } = normalize(source);
  const lex = engine.rules.lexicon;
  const seg = segment(text, lex);
  const meta = documentMeta(text.slice(seg.front.start, seg.front.end), seg.headings);
  if (opts.report_date) {
    meta.report_date = opts.report_date;
    meta.report_year = Number(opts.report_date.slice(0, 4)) || meta.report_year;
  }
  if (opts.region) meta.region = opts.region;
  if (reclassifyParts(seg.headings, meta.report_date ? Number(meta.report_date.slice(0, 4)) : null)) {
    for (const s of seg.sentences) s.part = partFromPath(s.path);
    Object.assign(meta, partPeriods(seg.headings, meta.report_year));
  }

  // match + resolve
  const budget = opts.budgetMs ?? 30_000;
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
  const ctx: RefineContext = { lexicon: lex, tokenizer: engine.tokenizer, meta, diagnostics, docId: opts.doc_id };
  candidates.sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  for (const refiner of REFINERS) {
    const before = trace ? candidates.map((c) => ({ ...c, metric: { ...c.metric } })) : [];
    candidates = refiner.run(candidates, ctx);
    if (trace) trace.steps.push({ name: refiner.name, before, after: candidates.map((c) => ({ ...c, metric: { ...c.metric } })) });
  }

  const records = candidates.map((c) => toRecord(c, source, opts.doc_id, meta));
  records.sort((a, b) => a.start - b.start || a.end - b.end);
  return { records, diagnostics, meta };
}

function toRecord(c: Candidate, source: string, docId: string, meta: DocumentMeta): MetricRecord {
  const map = c.sentence.map;
  const start = map[c.start];
  const end = map[c.end - 1] + 1;
  const path = c.sentence.path;
  const innermost = path.length ? path[path.length - 1] : null;
  return {
    doc_id: docId,
    record_id: createHash("sha1").update(`${docId}\u0000${start}\u0000${end}`).digest("hex").slice(0, 16),
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
    status: c.status ?? "actual",
    period: c.period,
    period_inferred: c.periodInferred,
    section: path.map((h) => h.label).join(" > "),
    section_title: innermost ? innermost.title : null,
    topic: c.sentence.topic,
    sentence: source.slice(c.sentence.start, c.sentence.end).replace(/\s+/g, " ").trim(),
    rule_id: c.match.rule.spec.id,
    region: meta.region,
    report_date: meta.report_date,
  };
}
