import { describe, expect, it } from "vitest";
import { recordsToCsv } from "../../src/export/csv.js";
import { extract } from "../../src/index.js";

describe("CSV quoting of line breaks (RFC 4180)", () => {
  it("a raw that spans a page break is quoted, so the row stays one row", () => {
    const { records } = extract("确保年度排水管总疏通率不低于\n\n95%。", { doc_id: "pb" });
    expect(records[0].raw).toBe("95%");
    const withBreak = { ...records[0], raw: "2000\n多平方米" };
    const csv = recordsToCsv([withBreak]);
    expect(csv).toContain('"2000\n多平方米"');
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(2);
  });
});
