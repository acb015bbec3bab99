import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/pipeline/engine.js";
import { findMisses } from "../../src/review/misses.js";
import { parseReview } from "../../src/review/parse.js";
import { reviewToGold, goldJsonl } from "../../src/review/gold.js";
import { writtenValue } from "../../src/export/number.js";
import { buildReportHtml, textSha256 } from "../../src/export/report-html.js";
import { DOC_ID, RECORDS, REPORT_PATH, REPORT_TEXT } from "../fixtures/export/records.js";

const engine = createEngine({});
const lex = engine.rules.lexicon;

describe("candidate misses (rules/lexicon/misses.yaml)", () => {
  it.each(lex.misses.examples.map((x) => [x.text, x.candidates] as const))("%s → %j", (text, want) => {
    expect(findMisses(text, [], lex, engine.rules.fragments).map((m) => m.raw)).toEqual(want);
  });
  it.each(lex.misses.counterexamples)("%s → none", (text) => {
    expect(findMisses(text, [], lex, engine.rules.fragments)).toEqual([]);
  });
  it("leaves out what a record covers; spans index the source", () => {
    const text = "全镇共有12个村，新建3所学校。";
    const misses = findMisses(text, [{ start: 4, end: 7 }], lex, engine.rules.fragments);
    expect(misses.map((m) => m.raw)).toEqual(["3所"]);
    for (const m of misses) expect(text.slice(m.start, m.end)).toBe(m.raw);
  });
});

describe("values as a person writes them", () => {
  it.each([
    [724800000000, "元", "7248亿元"], [5.2, "%", "5.2%"], [-36.2, "%", "-36.2%"], [148690000, "元", "14869万元"],
    [1.37e12, "斤", "1.37万亿斤"], [12060000, "人", "1206万人"], [2500, "平方米", "2500平方米"], [123456789, "元", "123456789元"], [0.5, "个百分点", "0.5个百分点"],
  ])("%d %s → %s", (v, u, want) => expect(writtenValue(v, u)).toBe(want));
  it("the page's script writes them the same", () => {
    const html = buildReportHtml([{ doc_id: DOC_ID, path: REPORT_PATH, title: null, text: REPORT_TEXT, records: RECORDS }]);
    const src = /function written\(v, unit\) \{[\s\S]*?\n  \}\n/.exec(html)?.[0] ?? "";
    const plain = "function plain(v){ if(!isFinite(v)) return ''; if(Number.isInteger(v)) return v.toLocaleString('en-US',{useGrouping:false}); return String(v); } var NO_MAG = { '%': 1, '‰': 1, '个百分点': 1, '倍': 1, '番': 1, ':1': 1 };";
    const written = new Function(`${plain}${src}; return written;`)() as (v: number, u: string) => string;
    for (const [v, u] of [[724800000000, "元"], [5.2, "%"], [-36.2, "%"], [1.37e12, "斤"], [123456789, "元"], [0.25, "%"], [3e4, "亩"]] as const) expect(written(v, u)).toBe(writtenValue(v, u));
  });
});

describe("the review page stays script-safe with the new fields", () => {
  it("escapes candidate misses, panel cells and paths; no third script element", () => {
    const evil = "<script>alert(1)</script>";
    const html = buildReportHtml([{
      doc_id: DOC_ID, path: `/tmp/${evil}.txt`, title: evil, text: REPORT_TEXT, records: RECORDS,
      misses: [{ start: REPORT_TEXT.indexOf("<script>"), end: REPORT_TEXT.indexOf("<script>") + 8, raw: "<script>" }],
      panel: [{ doc_id: DOC_ID, region: null, region_code: null, level: null, report_year: null, indicator_code: `x${evil}`, indicator_name: evil, status: "actual", period: "2023", value: 1, value_max: null, unit: "元", qualifier: "exact", absent: false, conflict: null, record_id: "r", start: 0, end: 1, raw: evil, sentence: evil, section: "" }],
    }]);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const json = /<script type="application\/json" id="zb-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(json).not.toMatch(/[<>]/);
  });
});

describe("review files", () => {
  const header = { zhibiao_review: 1, tool: "zhibiao 0.1.0", documents: [{ doc_id: DOC_ID, path: REPORT_PATH, chars: REPORT_TEXT.length, text_sha256: textSha256(REPORT_TEXT), complete: false }] };
  const r0 = RECORDS[0];
  const shown = { value: r0.value, value_max: null, unit: r0.unit, kind: r0.kind, qualifier: r0.qualifier, indicator: r0.indicator, indicator_code: null, status: r0.status, period: r0.period, section_title: r0.section_title };
  const right = { verdict: "right", doc_id: DOC_ID, record_id: r0.record_id, start: r0.start, end: r0.end, raw: r0.raw, shown };
  const lines = (...xs: unknown[]) => xs.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("\n");

  it("reads a valid file, and names every bad line", () => {
    expect(parseReview(lines(header, right), "r.jsonl").problems).toEqual([]);
    const bad = parseReview(lines(header, right, right, "{oops", { ...right, verdict: "maybe" }, { ...right, record_id: "x", raw: "abc" }, { ...right, record_id: "y", doc_id: "other" }, { ...right, verdict: "corrected", record_id: "z", fields: {} }), "r.jsonl");
    expect(bad.problems).toEqual([
      "r.jsonl:3: the same record as line 2: one verdict each",
      expect.stringMatching(/^r\.jsonl:4: not JSON/),
      expect.stringMatching(/^r\.jsonl:5: unknown verdict "maybe"/),
      expect.stringMatching(/^r\.jsonl:6: raw “abc” is 3 characters, the span \[\d+, \d+\) 8/),
      "r.jsonl:7: document other is not in the header's documents",
      expect.stringMatching(/^r\.jsonl:8: bad corrected item: fields: a correction changes at least one field/),
    ]);
    expect(parseReview(lines({ ...header, zhibiao_review: 2 }, right), "r.jsonl").problems).toEqual(["r.jsonl:1: review format version 2; this zhibiao reads version 1 only"]);
    expect(parseReview(lines(right), "r.jsonl").problems[0]).toMatch(/^r\.jsonl:1: not a review file/);
  });

  it("becomes gold: judged spans as windows unless the document is complete", () => {
    const added = { verdict: "added", doc_id: DOC_ID, start: 0, end: 2, raw: REPORT_TEXT.slice(0, 2), fields: { kind: "quantity", value: 1, unit: "个" } };
    const wrong = { ...right, verdict: "wrong", record_id: RECORDS[1].record_id, start: RECORDS[1].start, end: RECORDS[1].end, raw: RECORDS[1].raw };
    const g = reviewToGold(parseReview(lines(header, right, wrong, added), "r.jsonl"));
    expect(g.docs[0].gold.map((m) => m.raw)).toEqual([added.raw, r0.raw]);
    expect(g.docs[0].windows).toEqual([[0, 2], [r0.start, r0.end], [wrong.start, wrong.end]]);
    expect(goldJsonl(g.docs[0]).split("\n")[0]).toBe(JSON.stringify({ windows: g.docs[0].windows }));
    const complete = reviewToGold(parseReview(lines({ ...header, documents: [{ ...header.documents[0], complete: true }] }, right), "r.jsonl"));
    expect(complete.docs[0].windows).toBeNull();
  });
});
