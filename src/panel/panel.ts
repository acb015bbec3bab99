import type { MetricRecord, Qualifier, Status } from "../model/record.js";
import type { DocumentMeta } from "../model/document.js";
import type { PanelRow } from "../model/panel.js";
import type { Lexicon } from "../rules/lexicon.js";
import type { Catalogue } from "../name/catalogue.js";
import type { Naming } from "../name/name.js";
import { clauseStart } from "../refine/candidate.js";

/** One named figure of a document, with the sentence it stands in (as matched: white space removed). */
export interface PanelFigure {
  record: MetricRecord;
  names: readonly Naming[];
  /** The sentence's compact text, and the figure's span in it. */
  text: string;
  at: number;
  end: number;
  /** Where the figure's own stretch of the sentence starts: just after the figure before it, or 0. */
  from: number;
  part: "review" | "plan" | null;
  sentenceIndex: number;
}

/** A statement that the report sets no target for an indicator (没有提出全年经济增速具体目标). */
export interface AbsentStatement {
  code: string;
  start: number;
  end: number;
  raw: string;
  sentence: string;
  section: string;
  part: "review" | "plan" | null;
}

/** The document the panel is of: its id and what is known of it. */
export interface PanelDoc {
  doc_id: string;
  meta: DocumentMeta;
  region_code: string | null;
}

/** Why a figure is or is not a headline cell (for `zhibiao explain`). */
export interface CellVerdict {
  record_id: string;
  code: string;
  cell: string | null;
  why: string;
}

interface Candidate {
  fig: PanelFigure;
  code: string;
  status: Status;
  period: string;
  value: number;
  value_max: number | null;
  qualifier: Qualifier;
  /** Lower ranks first: the mention PANEL.md keeps. */
  rank: number[];
}

/** The single years a report reviews and plans: review 2025 and plan 2026 for a 2026 report. */
export function panelYears(meta: DocumentMeta): { review: string | null; plan: string | null } {
  const single = (p: string | null) => (p && /^\d{4}(?:H1)?$/.test(p) ? p : null);
  const year = meta.report_year;
  const review = single(meta.review_period) ?? (year !== null ? String(year - 1) : null);
  const planned = single(meta.plan_period);
  const plan = planned && !/H1$/.test(planned) ? planned : year !== null ? String(year) : null;
  return { review, plan };
}

/**
 * The headline cells of one report (PANEL.md): for every catalogue code, the target it sets for the
 * plan year and the result it reports for the year under review, one row per code × status × period.
 * `buildPanel(doc, figures, absents, lexicon, catalogue)` → rows sorted by code order, status, period.
 */
export function buildPanel(
  doc: PanelDoc,
  figures: readonly PanelFigure[],
  absents: readonly AbsentStatement[],
  lex: Lexicon,
  cat: Catalogue,
  verdicts?: CellVerdict[],
): PanelRow[] {
  const years = panelYears(doc.meta);
  const h = lex.headline;
  const cands: Candidate[] = [];
  // why a figure is or is not a cell: worked out only when asked (explain)
  const say = (fig: PanelFigure, code: string, cell: string | null, why: () => string) => verdicts?.push({ record_id: fig.record.record_id, code, cell, why: why() });
  for (const fig of figures) {
    const r = fig.record;
    for (const name of fig.names) {
      if (r.kind === "baseline") {
        say(fig, name.code, null, () => "a baseline (the value compared with), not the figure");
        continue;
      }
      const clause = fig.text.slice(clauseStart(fig.text, fig.at), fig.at);
      const before = fig.text.slice(0, fig.at);
      const total = h.oneYear.some((w) => clause.includes(w)) ? undefined : h.totals.find((w) => clause.includes(w));
      const marker = h.notHeadline.find((w) => clause.includes(w)) ?? total ?? h.notHeadlinePatterns.find((p) => p.test(clause))?.source;
      if (marker) {
        say(fig, name.code, null, () => `its clause says '${marker}' (rules/lexicon/headline.yaml: not a single-year, whole-region figure)`);
        continue;
      }
      const main = h.mainTargets.some((w) => fig.text.includes(w));
      // a weak form (投资) names the indicator in the list of main targets, or as the growth of the year
      // (扩大有效投资…，全年投资增长5%左右), never as a level elsewhere (a project's 完成投资3.5亿元)
      const yearGrowth = cat.byCode.get(name.code)?.spec.measure === "growth" && h.oneYear.some((w) => clause.includes(w));
      if (name.weak && !main && !yearGrowth) {
        say(fig, name.code, null, () => `'${name.form}' names ${name.code} only in a sentence listing main targets, or as the year's growth`);
        continue;
      }
      const sub = main ? undefined : h.subRegions.find((w) => fig.text.slice(fig.from, fig.at).includes(w));
      if (sub) {
        say(fig, name.code, null, () => `its sentence is about '${sub}', a part of the region (rules/lexicon/headline.yaml)`);
        continue;
      }
      const ind = cat.byCode.get(name.code);
      const status = r.status;
      let period = r.period;
      let rank = 0;
      if (status === "actual" && period && /^\d{4}-\d{4}$/.test(period) && years.review && period.endsWith(years.review) && ind?.spec.measure !== "growth" && r.kind !== "change") {
        // a five-year review's end level: the last year's actual when no single-year statement gives it
        // (a total over the years — jobs added in five years — is none, unless written 从…增加到; a rate
        // only where it is said to reach the figure: 提高到68.7%, not 一直控制在3%以内)
        const lead = clause.replace(/[\d.,，万亿千百十多余约近]+$/, "");
        if (ind?.spec.sums && !/[到至]$/.test(lead)) {
          say(fig, name.code, null, () => `a total over ${period}, not the last year's level`);
          continue;
        }
        if (ind?.spec.measure === "rate" && /(?:控制|保持|稳定|维持)在?$|一直|始终|均/.test(lead)) {
          say(fig, name.code, null, () => `a rate held over ${period}, not its level at the end`);
          continue;
        }
        period = years.review;
        rank = 2;
      }
      const want = status === "target" ? years.plan : years.review;
      if (!period || period !== want) {
        say(fig, name.code, null, () => `period ${period ?? "none"} is not the ${status === "target" ? "plan" : "review"} year ${want ?? "(unknown)"}`);
        continue;
      }
      let value = r.value;
      let value_max = r.value_max;
      if (name.index && value > 50) {
        value = round(value - 100);
        value_max = value_max !== null ? round(value_max - 100) : null;
      }
      let qualifier = r.qualifier;
      const near = clause.slice(-8);
      if (qualifier === "exact" && status === "target" && h.cap.some((w) => near.includes(w))) qualifier = "at_most";
      if (qualifier === "exact" && h.floor.some((p) => p.test(before))) qualifier = "at_least";
      const listed = status === "target" && main ? 0 : 1;
      // a figure its clause gives for the whole region or year (全年实现新增就业5650人) before a bare one
      // (…新增营业面积10万平方米，新增就业3000人)
      const whole = h.wholeRegion.some((w) => clause.includes(w)) ? 0 : 1;
      const partRank = status === "target" ? (fig.part === "plan" ? 0 : 1) : fig.part === "review" || fig.part === null ? 0 : 1;
      // in one sentence, the exact figure after a milestone (首次突破200亿元，达204.3亿元)
      const rough = qualifier === "more_than" ? 1 : 0;
      // growth as written, a like-for-like figure only when it is the only one (PANEL.md)
      const comparable = h.likeForLike.some((w) => clause.includes(w)) ? 1 : 0;
      cands.push({ fig, code: name.code, status, period, value, value_max, qualifier, rank: [rank, partRank, listed, comparable, whole, fig.sentenceIndex, rough, r.start] });
    }
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const k = `${c.code}\u0000${c.status}\u0000${c.period}`;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  const rows: PanelRow[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => cmp(a.rank, b.rank));
    const best = list[0]!;
    const others = list.slice(1).filter((c) => c.value !== best.value || c.value_max !== best.value_max || c.fig.record.unit !== best.fig.record.unit);
    // a later restatement of a lower rank (a five-year end level) is no conflict with a single-year statement
    const conflicting = others.filter((c) => c.rank[0] === best.rank[0]);
    for (const c of list.slice(1)) say(c.fig, c.code, cellKey(c), () => `another mention of the cell was kept: ${best.fig.record.record_id} (${best.fig.record.raw})`);
    say(best.fig, best.code, cellKey(best), () => conflicting.length ? "kept; the report gives the cell other values too (conflict)" : "kept");
    rows.push(toRow(doc, best, cat, conflicting));
  }
  for (const a of absents) {
    const period = years.plan;
    if (!period) continue;
    if (rows.some((r) => r.indicator_code === a.code && r.status === "target" && r.period === period)) continue;
    rows.push({
      doc_id: doc.doc_id, region: doc.meta.region, region_code: doc.region_code, level: doc.meta.level, report_year: doc.meta.report_year,
      indicator_code: a.code, indicator_name: cat.byCode.get(a.code)?.spec.name_zh ?? a.code, status: "target", period,
      value: null, value_max: null, unit: null, qualifier: null, absent: true, conflict: null, record_id: null,
      start: a.start, end: a.end, raw: a.raw, sentence: a.sentence, section: a.section,
    });
  }
  const order = new Map(cat.order.map((c, i) => [c, i]));
  rows.sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0) || (order.get(a.indicator_code) ?? 1e9) - (order.get(b.indicator_code) ?? 1e9) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return rows;
}

function cellKey(c: Candidate): string {
  return `${c.code} ${c.status} ${c.period}`;
}

function toRow(doc: PanelDoc, c: Candidate, cat: Catalogue, conflicting: Candidate[]): PanelRow {
  const r = c.fig.record;
  return {
    doc_id: doc.doc_id,
    region: doc.meta.region,
    region_code: doc.region_code,
    level: doc.meta.level,
    report_year: doc.meta.report_year,
    indicator_code: c.code,
    indicator_name: cat.byCode.get(c.code)?.spec.name_zh ?? c.code,
    status: c.status,
    period: c.period,
    value: c.value,
    value_max: c.value_max,
    unit: r.unit,
    qualifier: c.qualifier,
    absent: false,
    conflict: conflicting.length ? conflicting.map((o) => `${o.value}${o.value_max !== null ? "–" + o.value_max : ""} ${o.fig.record.unit} ${o.qualifier} @ ${o.fig.record.record_id} (${o.fig.record.raw})`).join("; ") : null,
    record_id: r.record_id,
    start: r.start,
    end: r.end,
    raw: r.raw,
    sentence: r.sentence,
    section: r.section,
  };
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
