import { describe, expect, it } from "vitest";
import { normalize } from "../../src/normalize/normalize.js";
import { segment } from "../../src/segment/segment.js";
import { matchHeading, partOf } from "../../src/segment/headings.js";
import { createEngine } from "../../src/pipeline/engine.js";
import { REPORTS, sharedText } from "../helpers.js";

const lex = createEngine().rules.lexicon;
const seg = (src: string) => segment(normalize(src).text, lex);

describe("matchHeading", () => {
  it.each([
    ["一、2023年上半年工作回顾", 1, "一、", "2023年上半年工作回顾"],
    ["（一）坚持生态优先，促进环境质量持续改善", 2, "（一）", "坚持生态优先，促进环境质量持续改善"],
    ["(一) 坚持生态优先，促进环境质量持续改善", 2, "(一)", "坚持生态优先，促进环境质量持续改善"],
    ["第一部分 过去五年工作回顾", 0, "第一部分", "过去五年工作回顾"],
    ["1. 稳定经济增长", 4, "1.", "稳定经济增长"],
    ["（1）加快产业升级", 5, "（1）", "加快产业升级"],
    ["一是联合港澳承办十五运会和残特奥会。", 3, "一是", "联合港澳承办十五运会和残特奥会"],
    ["第一，稳定和完善宏观经济政策。继续实施积极的财政政策", 3, "第一，", "稳定和完善宏观经济政策"],
    ["2024年工作总结", 1, "", "2024年工作总结"],
    ["下半年工作打算：", 1, "", "下半年工作打算"],
    ["（一）创新宏观调控，保持经济运行在合理区间。面对贸易保护主义抬头", 2, "（一）", "创新宏观调控，保持经济运行在合理区间"],
  ])("%s", (line, rank, numbering, title) => {
    const h = matchHeading(line)!;
    expect(h.rank).toBe(rank);
    expect(h.numbering).toBe(numbering);
    expect(line.slice(h.titleStart, h.titleEnd)).toBe(title);
  });
  it.each(["1.2万亿元的投资", "一是加大力度，二是", "2023年工作", "一系列政策", "第一，要稳增长，第二，要调结构", "关于2024年工作总结和2025年工作计划的报告", "全面完成年度工作目标任务。"])("%s is not a heading", (line) => {
    expect(matchHeading(line)).toBeNull();
  });
});

describe("partOf", () => {
  it.each([
    ["2023年上半年工作回顾", "review"], ["2023年下半年工作打算", "plan"], ["过去一年和五年工作回顾", "review"],
    ["对今年政府工作的建议", "plan"], ["“十三五”经济社会发展的主要目标和任务", "plan"], ["2016年工作安排", "plan"],
    ["坚持生态优先，促进环境质量持续改善", null],
  ])("%s → %s", (t, p) => expect(partOf(t)).toBe(p));
});

describe("segment over the real reports", () => {
  it("the seed: part headings, section headings, page-broken lines joined", () => {
    const text = sharedText("000_a856141411780175");
    const s = seg(text);
    const top = s.headings.filter((h) => h.rank === 1).map((h) => [h.title, h.part]);
    expect(top).toEqual([["2023年上半年工作回顾", "review"], ["2023年下半年工作打算", "plan"]]);
    expect(s.headings.filter((h) => h.rank === 2).length).toBeGreaterThanOrEqual(8);
    // 确保年度排水管总疏通率不低于 / 95% stands across a page break: one sentence
    const broken = s.sentences.find((x) => x.text.includes("总疏通率不低于"))!;
    expect(broken.text).toContain("总疏通率不低于95%。");
    expect(broken.part).toBe("plan");
    expect(text.slice(broken.start, broken.end)).toContain("\n\n95%");
    // 全覆 / 盖包保督查 joined mid-word
    expect(s.sentences.some((x) => x.text.includes("全覆盖包保督查"))).toBe(true);
    // topic sentences
    const topics = new Set(s.sentences.map((x) => x.topic).filter(Boolean));
    expect(topics).toContain("生态环境常治长效");
    expect(topics).toContain("宜居环境日益改善");
    // the front matter (title, session, speaker, date) is not body
    expect(s.sentences.every((x) => x.start >= s.front.end)).toBe(true);
    expect(text.slice(s.front.start, s.front.end)).toContain("(2023年8月1日)");
  });

  it("a paragraph that opens with （一）…。 is a heading ending at its first 。 (national 2018)", () => {
    const s = seg(sharedText("national_2023"));
    const h = s.headings.find((x) => x.title === "创新宏观调控，保持经济运行在合理区间")!;
    expect(h.rank).toBe(2);
    const next = s.sentences.find((x) => x.text.startsWith("面对贸易保护主义抬头"))!;
    expect(next.path[next.path.length - 1]).toBe(h);
  });

  it("一是…。 paragraphs are headings; a 一是…二是… run inside a paragraph is not (Guangdong 2026)", () => {
    const s = seg(sharedText("province_guangdong_2026"));
    const titles = s.headings.filter((h) => h.rank === 3).map((h) => h.title);
    expect(titles).toContain("联合港澳承办十五运会和残特奥会");
    expect(titles).toContain("推动全省经济运行稳中有进、稳中向好");
    // the glossary (名词解释) is left out
    const glossary = s.excluded.find((e) => e.reason.startsWith("trailer: 名词解释"))!;
    expect(glossary).toBeDefined();
    expect(s.sentences.every((x) => x.end <= glossary.start)).toBe(true);
  });

  it("web text with lines lost to \\u3000\\u3000 runs is split into paragraphs and headings (national 2020)", () => {
    const s = seg(sharedText("national_2020"));
    expect(s.headings.filter((h) => h.rank === 1).length).toBeGreaterThanOrEqual(3);
    expect(s.headings[0].title).toMatch(/工作回顾/);
  });

  it("a district report indented with \u3000\u3000: parts, ——topics and the plan part (Hailar 2016)", () => {
    const s = seg(sharedText("district_hailar_2016"));
    const top = s.headings.filter((h) => h.rank === 1).map((h) => [h.title, h.part]);
    expect(top.slice(0, 3)).toEqual([
      ["“十二五”时期和2015年工作回顾", "review"],
      ["“十三五”经济社会发展的主要目标和任务", "plan"],
      ["2016年工作安排", "plan"],
    ]);
    const dash = s.sentences.find((x) => x.text.startsWith("——综合实力显著增强。"))!;
    expect(dash.topic).toBe("综合实力显著增强");
    expect(dash.path.map((h) => h.title)).toEqual(["“十二五”时期和2015年工作回顾"]);
  });

  it("archive licence trailers are left out (Wikisource copies of national reports)", () => {
    for (const name of ["national_2015", "national_2018", "national_2023"]) {
      const s = seg(sharedText(name));
      expect(s.sentences.some((x) => /维基文库|本作品是中华人民共和国/.test(x.text)), name).toBe(false);
    }
  });

  it("web-page chrome lines are dropped", () => {
    const s = seg("首页 > 政务公开\n下载 打印 全屏 收藏 【字号：加大 还原 减小】\n一、工作回顾\n全年新增就业70人。\n来源：区政府办公室\n");
    expect(s.excluded.map((e) => e.reason)).toContain("page chrome");
    expect(s.sentences.some((x) => x.text.includes("字号"))).toBe(false);
    expect(s.sentences.some((x) => x.text.includes("新增就业70人"))).toBe(true);
  });

  it.each(REPORTS)("every sentence maps back to its source (%s)", (name) => {
    const text = sharedText(name);
    const s = seg(text);
    for (const x of s.sentences) {
      expect(x.map.length).toBe(x.text.length + 1);
      for (let i = 0; i < x.text.length; i++) {
        const src = normalize(text[x.map[i]]).text;
        if (x.text[i] !== " ") expect(src).toBe(x.text[i]);
      }
    }
  });
});

describe("print and PDF leftovers", () => {
  it("a page number between two halves of a sentence is dropped, and the sentence joined", () => {
    const s = seg("一、工作回顾\n确保年度排水管总疏通率不低于\n\n— 12 —\n\n95%。全年新增就业\n-3-\n70人。\n第 4 页 共 12 页\n");
    expect(s.sentences.map((x) => x.text)).toContain("确保年度排水管总疏通率不低于95%。");
    expect(s.sentences.map((x) => x.text)).toContain("全年新增就业70人。");
    expect(s.excluded.filter((e) => e.reason === "page chrome")).toHaveLength(3);
  });
  it("breadcrumbs are dropped", () => {
    const s = seg("当前位置：首页 > 政务公开 > 政府工作报告\n一、工作回顾\n全年新增就业70人。");
    expect(s.sentences.some((x) => x.text.includes("首页"))).toBe(false);
  });
});
