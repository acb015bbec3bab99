import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extract, MetricRecordSchema } from "../../src/index.js";
import { REPORTS, sharedText } from "../helpers.js";

// Property tests (issue 9): on random and mutated report text, extraction never throws, every record
// satisfies source.slice(start, end) === raw and the record schema, and the same text gives the same records.

const reports = REPORTS.map(sharedText);
const PIECES = ["增长", "下降", "5.2%", "１２３４", "万元", "亿元", "约", "以上", "左右", "多", "、", "，", "。", "\n", "\n\n", " ", "\u3000", "\u200b", "\r\n",
  "一、", "（一）", "(二)", "一是", "1.", "第一部分", "三", "两", "十二", "百分之", "个百分点", "倍", "翻一番", "分别", "从", "提高到", "完成年度指标的", "占", "成",
  "“", "”", "《", "》", "第", "届", "次", "-", "—", "至", "到", "%", "％", "亩", "平方米", "家", "人次", "率", "\uFEFF", "\ud800", "𠀀", "A", "5G", "PM2.5"];

function check(source: string): void {
  const { records } = extract(source, { doc_id: "prop" });
  for (const r of records) {
    expect(source.slice(r.start, r.end)).toBe(r.raw);
    expect(MetricRecordSchema.safeParse(r).success).toBe(true);
    expect(r.end).toBeGreaterThan(r.start);
    expect(Number.isFinite(r.value)).toBe(true);
  }
  expect(extract(source, { doc_id: "prop" }).records).toEqual(records);
}

describe("extraction on random and mutated text", () => {
  it("random strings of report pieces", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join("")), check), { numRuns: 300 });
  });

  it("random unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), check), { numRuns: 200 });
  });

  it("slices of real reports, with characters deleted, inserted and swapped", () => {
    const mutated = fc
      .record({
        doc: fc.nat(reports.length - 1),
        start: fc.nat(30000),
        len: fc.integer({ min: 0, max: 1500 }),
        edits: fc.array(fc.record({ at: fc.nat(1500), op: fc.constantFrom("del", "ins", "dup"), piece: fc.constantFrom(...PIECES) }), { maxLength: 12 }),
      })
      .map(({ doc, start, len, edits }) => {
        const text = reports[doc];
        const s = Math.min(start, Math.max(0, text.length - 1));
        let t = text.slice(s, s + len);
        for (const e of edits) {
          const at = Math.min(e.at, t.length);
          if (e.op === "del") t = t.slice(0, at) + t.slice(at + 1);
          else if (e.op === "ins") t = t.slice(0, at) + e.piece + t.slice(at);
          else t = t.slice(0, at) + t.slice(at, at + 8) + t.slice(at);
        }
        return t;
      });
    fc.assert(fc.property(mutated, check), { numRuns: 300 });
  });
});
