import { KindSchema, type Kind, type MetricRecord } from "../model/record.js";
import { KIND_ZH } from "./codebook-labels.js";
import { zhName } from "./codebook.js";
import { tableToCsv } from "./csv.js";
import type { HeaderLanguage } from "./columns.js";

/** One figure of a statement: the value, range end, unit and qualifier of one kind. */
export interface StatementFigure {
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: string;
}

/** One indicator statement: the figures of one indicator in one sentence, side by side. */
export interface Statement {
  doc_id: string;
  section_title: string | null;
  indicator: string | null;
  status: string;
  period: string | null;
  figures: Partial<Record<Kind, StatementFigure>>;
  sentence: string;
  region: string | null;
  report_date: string | null;
  start: number;
  end: number;
  record_ids: string[];
}

/**
 * Groups records into indicator statements: records of the same document, sentence and indicator
 * (a progress, change or baseline carries the indicator of the quantity or rate it refers to), taken in
 * text order; a record whose kind is already filled in the current statement starts a new one
 * (`来访24批56人` → two rows), and a record without an indicator is a statement of its own.
 * `groupStatements([quantity 2500 平方米, progress 78%])` → one statement with both.
 */
export function groupStatements(records: readonly MetricRecord[]): Statement[] {
  const sorted = [...records].sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : a.start - b.start || a.end - b.end));
  const open = new Map<string, Statement>();
  const out: Statement[] = [];
  for (const r of sorted) {
    const key = r.indicator === null ? null : JSON.stringify([r.doc_id, r.sentence, r.indicator]);
    let st = key === null ? undefined : open.get(key);
    if (!st || st.figures[r.kind]) {
      st = {
        doc_id: r.doc_id, section_title: r.section_title, indicator: r.indicator, status: r.status, period: r.period,
        figures: {}, sentence: r.sentence, region: r.region, report_date: r.report_date,
        start: r.start, end: r.end, record_ids: [],
      };
      out.push(st);
      if (key !== null) open.set(key, st);
    }
    st.figures[r.kind] = { value: r.value, value_max: r.value_max, unit: r.unit, qualifier: r.qualifier };
    st.end = Math.max(st.end, r.end);
    st.record_ids.push(r.record_id);
  }
  return out;
}

const FIGURE_PARTS = ["", "_max", "_unit", "_qualifier"] as const;
const PART_ZH: Record<(typeof FIGURE_PARTS)[number], string> = { "": "", _max: "上限", _unit: "单位", _qualifier: "限定" };
const LEAD = ["doc_id", "section_title", "indicator", "status", "period"] as const;
const TAIL = ["sentence", "region", "report_date", "start", "end", "record_ids"] as const;

/** The columns of statements.csv: `statementColumns()` → ["doc_id", …, "quantity", "quantity_max", "quantity_unit", …]. */
export function statementColumns(): string[] {
  const kinds = KindSchema.options as readonly string[];
  return [...LEAD, ...kinds.flatMap((k) => FIGURE_PARTS.map((p) => `${k}${p}`)), ...TAIL];
}

/** Chinese name of a statements.csv column: `statementColumnZh("change_unit")` → "变化单位". */
export function statementColumnZh(column: string): string {
  if (column === "record_ids") return "记录编号";
  for (const k of KindSchema.options as readonly string[]) {
    for (const p of FIGURE_PARTS) if (column === `${k}${p}`) return `${KIND_ZH[k] ?? k}${PART_ZH[p]}`;
  }
  return zhName(column);
}

function statementRow(s: Statement): unknown[] {
  const kinds = KindSchema.options as readonly Kind[];
  const figures = kinds.flatMap((k) => {
    const f = s.figures[k];
    return f ? [f.value, f.value_max, f.unit, f.qualifier] : [null, null, null, null];
  });
  return [s.doc_id, s.section_title, s.indicator, s.status, s.period, ...figures, s.sentence, s.region, s.report_date, s.start, s.end, s.record_ids.join(" ")];
}

/** The rows of statements.csv (no header) for some records: `statementRows(records)`. */
export function statementRows(records: readonly MetricRecord[]): unknown[][] {
  return groupStatements(records).map(statementRow);
}

/** statements.csv: one row per indicator statement, same CSV rules as records.csv: `statementsToCsv(records, { header: "zh" })`. */
export function statementsToCsv(records: readonly MetricRecord[], opts: { header?: HeaderLanguage } = {}): string {
  const cols = statementColumns();
  const header = opts.header === "zh" ? cols.map(statementColumnZh) : cols;
  return tableToCsv(header, statementRows(records));
}
