import { describe, expect, it } from "vitest";
import { normalize, looksTraditional } from "../../src/normalize/normalize.js";

describe("normalize", () => {
  it("keeps the length, so offsets need no map", () => {
    const src = "ＧＤＰ增长５．２％，\u3000\u200b\r\n下降１２３４元\u00a0";
    const { text } = normalize(src);
    expect(text.length).toBe(src.length);
    expect(text).toBe("GDP增长5.2%，  \u0020\n下降1234元 ".replace("\u0020\n", " \n"));
  });
  it("folds full-width digits, letters and signs but keeps Chinese punctuation", () => {
    expect(normalize("（一）１２３ＡＢＣ％．＋－，：；").text).toBe("（一）123ABC%.+-，：；");
  });
  it("turns a lone CR into a line break and CRLF into space + line break", () => {
    expect(normalize("a\rb\r\nc").text).toBe("a\nb \nc");
  });
  it("converts Traditional text to Simplified for matching, keeping the length", () => {
    const src = "國內生產總值增長百分之五，億萬人民們實現經濟發展，鎮區縣會議";
    expect(looksTraditional(src)).toBe(true);
    const { text, traditional } = normalize(src);
    expect(traditional).toBe(true);
    expect(text).toBe("国内生产总值增长百分之五，亿万人民们实现经济发展，镇区县会议");
  });
  it("leaves Simplified text alone", () => {
    const src = "国内生产总值增长5%，城镇新增就业1200万人以上。";
    expect(normalize(src)).toEqual({ text: src, traditional: false });
  });
});
