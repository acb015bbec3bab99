import type { Engine } from "../pipeline/engine.js";
import { extractText } from "../pipeline/extract.js";
import type { MetricRecord } from "../model/record.js";

/** The fields the engine can give an added figure; status and period need the whole report, so they are not here. */
const FIELDS = ["value", "value_max", "unit", "kind", "qualifier", "indicator", "indicator_code"] as const;

/**
 * What the engine reads in a selection of a text (the paragraph around it, offsets into it): the record
 * of the paragraph that overlaps the selection most, else the first record of the selection read
 * alone; its value, unit, kind, qualifier, indicator and code, or null when the engine reads no figure
 * there. `readSelection(engine, "新增劳动力平均受教育年限从13.5年提高到14年", 13, 18)` → { value: 13.5, unit: "年", kind: "baseline", … }.
 */
export function readSelection(engine: Engine, text: string, start: number, end: number): Partial<Pick<MetricRecord, (typeof FIELDS)[number]>> | null {
  const overlap = (r: MetricRecord) => Math.min(r.end, end) - Math.max(r.start, start);
  const inText = extractText(text, { doc_id: "selection" }, engine).records.filter((r) => overlap(r) > 0);
  inText.sort((a, b) => overlap(b) - overlap(a) || a.end - a.start - (b.end - b.start));
  const record = inText[0] ?? extractText(text.slice(start, end), { doc_id: "selection" }, engine).records[0];
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (record[f] !== null) out[f] = record[f];
  return out as Partial<Pick<MetricRecord, (typeof FIELDS)[number]>>;
}
