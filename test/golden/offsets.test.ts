import { describe, expect, it } from "vitest";
import { extract, MetricRecordSchema } from "../../src/index.js";
import { REPORTS, sharedText } from "../helpers.js";

// DESIGN.md convention 3: source.slice(start, end) === raw for every record, over whole reports.
describe.each(REPORTS)("%s", (name) => {
  const source = sharedText(name);
  const { records, diagnostics } = extract(source, { doc_id: name });

  it("yields records, no error diagnostics", () => {
    expect(records.length).toBeGreaterThan(20);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("every record's raw is exactly its span of the source", () => {
    for (const r of records) expect(source.slice(r.start, r.end), `${r.record_id} ${r.raw}`).toBe(r.raw);
  });

  it("every record satisfies the record schema", () => {
    for (const r of records) expect(MetricRecordSchema.safeParse(r).success, JSON.stringify(r)).toBe(true);
  });

  it("records are sorted, do not overlap, and have unique stable ids", () => {
    for (let i = 1; i < records.length; i++) expect(records[i].start).toBeGreaterThanOrEqual(records[i - 1].end);
    expect(new Set(records.map((r) => r.record_id)).size).toBe(records.length);
    const again = extract(source, { doc_id: name }).records;
    expect(again).toEqual(records);
  });
});
