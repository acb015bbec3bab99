import { describe, expect, it } from "vitest";
import { parseChineseInteger, parseNumber, magnitudeOf } from "../../src/resolve/number.js";
import { parseFraction } from "../../src/resolve/fraction.js";

describe("parseChineseInteger", () => {
  it.each([
    ["一", 1], ["两", 2], ["十", 10], ["十二", 12], ["二十", 20], ["三十五", 35], ["一百", 100], ["一百零八", 108],
    ["三千", 3000], ["一千零五", 1005], ["一万两千", 12000], ["三万五", 35000], ["两千三百万", 23000000],
    ["一亿二千万", 120000000], ["百亿", 1e10], ["千万", 1e7], ["万亿", 1e12], ["四十万亿", 4e13], ["一万亿", 1e12],
    ["三十五万", 350000], ["五千万", 5e7], ["一千二", 1200],
  ])("%s → %d", (s, v) => expect(parseChineseInteger(s)).toBe(v));

  it.each(["十二五", "十四五", "一二", "二〇二三", "〇五", "万万", "", "三四"])("%s is not a counting numeral", (s) => {
    expect(parseChineseInteger(s)).toBeNull();
  });
});

describe("parseNumber", () => {
  it.each([
    ["2500", 2500, false, 1], ["1,234.5", 1234.5, false, 1], ["14869万", 148690000, false, 1e4], ["370.43万", 3704300, false, 1e4],
    ["1.2万", 12000, false, 1e4], ["3千万", 3e7, false, 1e7], ["5.67万亿", 5.67e12, false, 1e12], ["7500多亿", 7.5e11, true, 1e8],
    ["14亿多", 1.4e9, true, 1e8], ["1000多万", 1e7, true, 1e4], ["2000多", 2000, true, 1], ["三十余", 30, true, 1],
    ["五点二", 5.2, false, 1], ["三点五万", 35000, false, 1e4], ["十二点零五", 12.05, false, 1],
    ["2万5千", 25000, false, 1e4], ["1万6千多", 16000, true, 1e4], ["3亿5千万", 3.5e8, false, 1e8], ["12万5千", 125000, false, 1e4],
  ])("%s → %d (more: %s)", (s, v, more, mag) => {
    const n = parseNumber(s)!;
    expect(n.value).toBe(v);
    expect(n.more).toBe(more);
    expect(n.magnitude).toBe(mag);
  });
  it("rejects what is not a number", () => {
    expect(parseNumber("十二五")).toBeNull();
    expect(parseNumber("12a")).toBeNull();
    expect(parseNumber("多")).toBeNull();
    expect(parseNumber("2万5")).toBeNull(); // colloquial 25000, or 20005: not guessed
  });
  it("magnitude words multiply", () => {
    expect(magnitudeOf("万亿")).toBe(1e12);
    expect(magnitudeOf("千万")).toBe(1e7);
    expect(magnitudeOf("元")).toBeNull();
  });
});

describe("parseFraction", () => {
  it.each([["1/4", 0.25], ["三分之一", 1 / 3], ["四分之三", 0.75], ["十分之一", 0.1]])("%s", (s, v) => expect(parseFraction(s)).toBeCloseTo(v, 10));
  it("rejects improper fractions and dates", () => {
    expect(parseFraction("2022/2023")).toBeNull();
    expect(parseFraction("5/0")).toBeNull();
  });
});
