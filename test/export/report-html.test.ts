import { describe, expect, it } from "vitest";
import { buildReportHtml, type ReportDoc } from "../../src/export/report-html.js";
import { findHeadings } from "../../src/export/outline.js";
import { escapeHtml, jsonForScript } from "../../src/export/html.js";
import { recordsFromJsonl, docIdOfRecordsFile } from "../../src/export/report-records.js";
import { DOC_ID, RECORDS, REPORT_PATH, REPORT_TEXT } from "../fixtures/export/records.js";

const DOC: ReportDoc = { doc_id: DOC_ID, path: REPORT_PATH, title: "示范镇政府工作报告", text: REPORT_TEXT, records: RECORDS };
const html = buildReportHtml([DOC]);
const marks = [...html.matchAll(/<mark class="zb k-(\w+)[^"]*" data-r="(\d+)"[^>]*>([^<]*)<\/mark>/g)];

describe("review page", () => {
  it("highlights every record once, by kind, with the text as written", () => {
    expect(marks).toHaveLength(RECORDS.length);
    marks.forEach((m, i) => {
      expect(m[1]).toBe(RECORDS[i].kind);
      expect(m[2]).toBe(String(i));
      expect(m[3]).toBe(escapeHtml(RECORDS[i].raw));
    });
  });

  it("keeps the text intact: removing the markup gives the source back", () => {
    const text = /<div class="text"[^>]*>([\s\S]*?)<\/div><\/section>/.exec(html)?.[1] ?? "";
    const plain = text.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    expect(plain).toBe(REPORT_TEXT);
  });

  it("escapes all text: the report's <script> and the records' strings never become markup", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(jsonForScript({ a: "</script><b>&" })).not.toMatch(/[<>&]/);
  });

  it("needs nothing from the network: no external URL, a CSP that forbids fetching", () => {
    expect(html).not.toMatch(/(src|href)=["'](https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it("lists headings as an outline with anchors in the text", () => {
    const titles = [...html.matchAll(/<a href="#d0-h(\d+)" title="([^"]*)"/g)].map((m) => m[2]);
    expect(titles).toEqual(["2023年上半年工作回顾", "坚持生态优先，促进环境质量持续改善", "稳住经济基本盘", "下半年工作打算"]);
    for (let i = 0; i < titles.length; i++) expect(html).toContain(`id="d0-h${i}"`);
    const counts = [...html.matchAll(/<a href="#d0-h\d+"[^>]*><span class="n">(\d*)<\/span>/g)].map((m) => m[1]);
    expect(counts).toEqual(["11", "6", "5", "1"]);
  });

  it("counts records per kind and per section", () => {
    expect(html).toMatch(/data-count="quantity">6</);
    expect(html).toMatch(/data-count="change">1</);
    const counts = /<table class="counts">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    expect(counts).toContain("坚持生态优先，促进环境质量持续改善");
    expect(counts).toMatch(/all · 合计<\/td>(<td class="num">\d*<\/td>)+<td class="num">12<\/td>/);
  });

  it("has one table row per record, and flags a record whose span does not match its text", () => {
    expect(html.match(/<tr data-r=/g)).toHaveLength(RECORDS.length);
    const off = buildReportHtml([{ ...DOC, records: [{ ...RECORDS[0], start: 0, end: 3 }, { ...RECORDS[1], start: 9999, end: 10001 }] }]);
    expect(off).toMatch(/2 with a span problem/);
    expect(off.match(/<mark /g)).toHaveLength(1);
  });
});

describe("review page of several reports", () => {
  it("numbers records across documents and adds a document filter and column", () => {
    const other = { ...DOC, doc_id: "other", title: "另一份报告", records: RECORDS.slice(0, 2).map((r) => ({ ...r, doc_id: "other" })) };
    const two = buildReportHtml([DOC, other]);
    expect(two.match(/<section class="doc"/g)).toHaveLength(2);
    expect(two).toContain('data-r="13"');
    expect(two).toContain('<select id="f-doc"');
    expect(two).toContain('title="doc_id"');
    expect(html).not.toContain('<select id="f-doc"');
    expect(html).not.toContain('title="doc_id"');
  });
});

describe("findHeadings", () => {
  it("finds numbered headings of four levels, titles without numbering", () => {
    const text = "一、回顾\n（一）坚持生态优先\n正文 1.5 万元\n1. 小标题\n(2) 子项\n（二）创新宏观调控，保持经济运行在合理区间。面对复杂严峻的国际环境，我们加强宏观调控，稳住了经济大盘。";
    expect(findHeadings(text).map((h) => [h.level, h.title])).toEqual([[1, "回顾"], [2, "坚持生态优先"], [3, "小标题"], [4, "子项"], [2, "创新宏观调控，保持经济运行在合理区间"]]);
    for (const h of findHeadings(text)) expect(text.slice(h.start, h.end)).toContain(h.title);
  });
});

describe("records for the page from JSONL", () => {
  it("takes full records as they are and completes gold lines", () => {
    const gold = '{"start": 71, "end": 79, "raw": "2500 平方米", "kind": "quantity", "value": 2500, "unit": "平方米", "qualifier": "exact", "indicator": "拆除", "status": "actual", "section_title": "坚持"}';
    const { records, problems } = recordsFromJsonl(`${JSON.stringify(RECORDS[0])}\n${gold}\nnot json\n{"start":1}\n`, "demo", "f.jsonl");
    expect(records[0]).toEqual(RECORDS[0]);
    expect(records[1]).toMatchObject({ doc_id: "demo", start: 71, value: 2500, indicator: "拆除", section: "坚持", value_max: null });
    expect(problems).toEqual([expect.stringMatching(/^f\.jsonl:3: not JSON/), "f.jsonl:4: needs at least start, end, kind and value"]);
    expect(docIdOfRecordsFile("seeds/000_a.gold.jsonl")).toBe("000_a");
  });
});
