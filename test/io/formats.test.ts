import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { decodeDocument, readerFor } from "../../src/io/decode.js";
import { InputError } from "../../src/io/errors.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url)));
const at = (path: string) => ({ path, doc_id: "d" });

async function failure(bytes: Uint8Array, path: string): Promise<{ code: string; message: string }> {
  try {
    await decodeDocument(bytes, at(path));
  } catch (e) {
    if (e instanceof InputError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a failure");
}

describe("decodeDocument", () => {
  it("reads .txt, recording reader, encoding, bytes and sha256", async () => {
    const bytes = iconv.encode("地区生产总值增长5.2%", "gbk");
    const d = await decodeDocument(bytes, at("a.txt"));
    expect(d).toMatchObject({ text: "地区生产总值增长5.2%", reader: "txt", encoding: "gb18030", bytes: bytes.length });
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads .html in a declared GBK charset", async () => {
    const bytes = iconv.encode('<html><head><meta charset="gbk"></head><body><h2>一、总体</h2><p>增长5%</p></body></html>', "gbk");
    expect(await decodeDocument(bytes, at("a.htm"))).toMatchObject({ text: "一、总体\n增长5%", reader: "html", encoding: "gb18030 (declared gbk)" });
  });

  it("reads .docx paragraphs as lines", async () => {
    expect(await decodeDocument(fixture("report.docx"), at("a.docx"))).toMatchObject({
      text: "一、总体情况\n地区生产总值增长5.2%。\n二、主要任务",
      reader: "docx",
      encoding: null,
    });
  });

  it("reads the text layer of a .pdf, pages apart", async () => {
    const d = await decodeDocument(fixture("report.pdf"), at("a.pdf"));
    expect(d.reader).toBe("pdf");
    expect(d.text).toBe("一、总体情况\n地区生产总值增长5.2%\n\f\n二、主要任务");
  });

  it("says a PDF without a text layer has none", async () => {
    const f = await failure(fixture("scanned.pdf"), "scan.pdf");
    expect(f.code).toBe("no-text-layer");
    expect(f.message).toMatch(/no text layer \(scanned PDF\?\)/);
  });

  it("says a corrupt docx or PDF is corrupt", async () => {
    expect((await failure(Buffer.from("PK\u0003\u0004 not really a zip"), "x.docx")).code).toBe("corrupt-docx");
    const truncated = fixture("report.docx").subarray(0, 300);
    expect((await failure(truncated, "x.docx")).code).toBe("corrupt-docx");
    expect((await failure(Buffer.from("%PDF-1.4\n1 0 obj garbage"), "x.pdf")).code).toBe("corrupt-pdf");
    expect((await failure(fixture("report.pdf").subarray(0, 400), "x.pdf")).code).toBe("corrupt-pdf");
  });

  it("refuses empty, blank and binary inputs", async () => {
    expect((await failure(Buffer.alloc(0), "e.txt")).code).toBe("empty-input");
    expect((await failure(Buffer.from(" \n\u3000\n"), "w.txt")).code).toBe("no-text");
    expect((await failure(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "photo.txt")).message).toBe("binary file (JPEG image), not text");
  });

  it("chooses the reader by content when the name does not say", () => {
    expect(readerFor("report", fixture("report.pdf"))).toBe("pdf");
    expect(readerFor("page.txt", Buffer.from("<!DOCTYPE html><html>"))).toBe("html");
    expect(readerFor("download", fixture("report.docx"))).toBe("docx");
    expect(readerFor("a.txt", Buffer.from("增长"))).toBe("txt");
  });
});
