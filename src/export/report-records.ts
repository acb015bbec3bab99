import { KindSchema, MetricRecordSchema, type MetricRecord } from "../model/record.js";

/** The records of a JSONL file for the review page, and the lines that could not be used. */
export interface LoadedRecords {
  records: MetricRecord[];
  problems: string[];
}

/** The doc_id a records file stands for when its lines carry none: `docIdOfRecordsFile("x/a.gold.jsonl")` → "a". */
export function docIdOfRecordsFile(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/(\.(gold|expected|records))?\.jsonl$/i, "");
}

const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const strOr = (v: unknown, d: string | null): string | null => (typeof v === "string" ? v : d);

/**
 * Records from JSONL for the review page: full records (records.jsonl) as they are, partial ones
 * (reviewed or gold files: start, end, kind, value at least) completed with empty fields:
 * `recordsFromJsonl('{"start":0,"end":3,"raw":"3家","kind":"quantity","value":3}', "a")`.
 */
export function recordsFromJsonl(text: string, fallbackDocId: string, source = "records"): LoadedRecords {
  const records: MetricRecord[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    if (!line.trim()) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      problems.push(`${source}:${n + 1}: not JSON (${(err as Error).message})`);
      return;
    }
    const full = MetricRecordSchema.safeParse(o);
    if (full.success) {
      records.push(full.data);
      return;
    }
    if (!num(o.start) || !num(o.end) || typeof o.kind !== "string" || !num(o.value)) {
      problems.push(`${source}:${n + 1}: needs at least start, end, kind and value`);
      return;
    }
    if (!(KindSchema.options as readonly string[]).includes(o.kind) || o.start < 0 || o.end < o.start) {
      problems.push(`${source}:${n + 1}: ${o.start < 0 || o.end < o.start ? "start and end must be offsets with 0 ≤ start ≤ end" : `unknown kind ${JSON.stringify(o.kind).slice(0, 40)} (one of ${KindSchema.options.join(", ")})`}; line skipped`);
      return;
    }
    const doc_id = strOr(o.doc_id, fallbackDocId) ?? fallbackDocId;
    const section_title = strOr(o.section_title, null);
    records.push({
      ...o,
      doc_id,
      record_id: strOr(o.record_id, `${doc_id}:${o.start}-${o.end}`) ?? "",
      start: o.start,
      end: o.end,
      raw: strOr(o.raw, "") ?? "",
      kind: o.kind as MetricRecord["kind"],
      value: o.value,
      value_max: num(o.value_max) ? o.value_max : null,
      unit: strOr(o.unit, "") ?? "",
      qualifier: (strOr(o.qualifier, "exact") ?? "exact") as MetricRecord["qualifier"],
      dimension: strOr(o.dimension, null),
      si_value: num(o.si_value) ? o.si_value : null,
      si_unit: strOr(o.si_unit, null),
      indicator: strOr(o.indicator, null),
      status: (strOr(o.status, "actual") ?? "actual") as MetricRecord["status"],
      period: strOr(o.period, null),
      period_inferred: typeof o.period_inferred === "boolean" ? o.period_inferred : false,
      section: strOr(o.section, section_title ?? "") ?? "",
      section_title,
      topic: strOr(o.topic, null),
      sentence: strOr(o.sentence, "") ?? "",
      rule_id: strOr(o.rule_id, "") ?? "",
      region: strOr(o.region, null),
      report_date: strOr(o.report_date, null),
    } as MetricRecord);
  });
  return { records, problems };
}
