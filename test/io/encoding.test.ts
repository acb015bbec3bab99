import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeText } from "../../src/io/encoding.js";
import { InputError } from "../../src/io/errors.js";

const TEXT = "一、2023年工作回顾\n地区生产总值增长5.2%，城镇新增就业1244万人。\n";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof InputError ? e.code : "other";
  }
  return undefined;
}

describe("decodeText", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decodeText(Buffer.from(TEXT, "utf8"))).toEqual({ text: TEXT, encoding: "utf-8", replaced: 0 });
  });

  it("drops a UTF-8 BOM and records it", () => {
    const d = decodeText(Buffer.from("\uFEFF" + TEXT, "utf8"));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe("utf-8-bom");
  });

  it("detects GB18030/GBK", () => {
    expect(decodeText(iconv.encode(TEXT, "gbk"))).toMatchObject({ text: TEXT, encoding: "gb18030" });
    expect(decodeText(iconv.encode(TEXT + "𠀀", "gb18030"))).toMatchObject({ text: TEXT + "𠀀", encoding: "gb18030" });
  });

  it.each([
    ["utf-16le", true],
    ["utf-16be", true],
    ["utf-16le", false],
    ["utf-16be", false],
  ] as const)("detects %s (BOM: %s)", (enc, bom) => {
    const body = iconv.encode(TEXT, enc);
    const bytes = bom ? Buffer.concat([Buffer.from(enc === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
    expect(decodeText(bytes)).toMatchObject({ text: TEXT, encoding: enc });
  });

  it("tolerates a stray bad byte in a long text, counting it", () => {
    const bytes = Buffer.concat([Buffer.from(TEXT.repeat(40), "utf8"), Buffer.from([0xff]), Buffer.from(TEXT, "utf8")]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe("utf-8");
    expect(d.replaced).toBe(1);
  });

  it("refuses text it cannot decode", () => {
    const latin = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xff : 0x41 + (i % 26))));
    expect(codeOf(() => decodeText(latin))).toBe("undecodable");
  });

  it("refuses binary files and empty files", () => {
    expect(codeOf(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe("binary-file");
    expect(codeOf(() => decodeText(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1, 2, 3, 0xf0, 0x80])))).toBe("binary-file");
    expect(codeOf(() => decodeText(Buffer.alloc(0)))).toBe("empty-input");
  });

  it("follows a charset an HTML page declares", () => {
    expect(decodeText(iconv.encode(TEXT, "gbk"), "gb2312")).toMatchObject({ text: TEXT, encoding: "gb18030 (declared gb2312)" });
    expect(decodeText(Buffer.from(TEXT, "utf8"), "gbk")).toMatchObject({ encoding: "utf-8" });
  });
});
