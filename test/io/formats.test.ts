import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { decodeDocument, readerFor } from "../../src/io/decode.js";
import { INPUT_ERROR_CODES, InputError } from "../../src/io/errors.js";
import { oleKind } from "../../src/io/doc.js";
import { buildPdf } from "../fixtures/io/make-fixtures.mjs";

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

/** An OLE2 compound file's first bytes, with the names of the streams it claims to hold (for the format checks). */
const ole2 = (...streams: string[]) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), ...streams.map((n) => Buffer.from(`${n}\0`, "utf16le")), Buffer.alloc(512)]);

/** An OpenDocument text whose body is `body` (content.xml's office:text). */
async function odt(body: string, { mimetype = true } = {}): Promise<Buffer> {
  const zip = new JSZip();
  if (mimetype) zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" });
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
  zip.file("content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:font-face-decls><text:p>not body</text:p></office:font-face-decls><office:body><office:text>${body}</office:text></office:body></office:document-content>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("legacy Word, WPS, RTF and OpenDocument inputs", () => {
  it("chooses the reader by content first: a .doc that is RTF or HTML (as sites serve them) is read as what it is", async () => {
    expect(readerFor("a.doc", Buffer.from("{\\rtf1\\ansi x}"))).toBe("rtf");
    expect(readerFor("a.doc", Buffer.from("<html><body>增长5%</body></html>"))).toBe("html");
    expect(readerFor("a.doc", ole2("WordDocument"))).toBe("doc");
    expect(readerFor("a.wps", ole2("WordDocument"))).toBe("wps");
    expect(readerFor("download", await odt("<text:p>x</text:p>"))).toBe("odt");
    expect(readerFor("a.rtf", Buffer.from("plain words"))).toBe("rtf");
    expect(readerFor("a.txt", await odt("<text:p>x</text:p>", { mimetype: false }))).toBe("txt");
  });

  it("reads RTF: \\'hh bytes in the document's code page (GBK), \\uN (also negative, with \\ucN fallbacks skipped), cells apart by tabs, no metadata or header", async () => {
    const gbk = [...iconv.encode("地区生产总值", "gbk")].map((b) => `\\'${b.toString(16)}`).join("");
    const rtf = [
      "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}{\\*\\generator Riched20}{\\info{\\title x}}",
      "{\\header \\pard 页眉\\par}{\\footer 页脚}",
      `\\pard ${gbk}\\uc1\\u22686?\\u-27265?5.2%{\\footnote 注释}{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt x}}{\\field{\\fldinst PAGE}{\\fldrslt }}\\par`,
      "\\trowd\\pard\\intbl a\\cell b\\cell\\row",
      "\\pard\\uc2\\u20108??\\u12289??\\{\\}\\par}",
    ].join("\n");
    const d = await decodeDocument(Buffer.from(rtf, "latin1"), at("a.rtf"));
    expect(d).toMatchObject({ reader: "rtf", encoding: null, text: "地区生产总值增长5.2%x\na\tb\n二、{}" });
  });

  it("reads an .odt: paragraphs and headings a line, <text:s/> spaces, tabs, line breaks, table cells by tabs, no notes", async () => {
    const body = '<text:tracked-changes><text:changed-region><text:deletion><text:p>删去</text:p></text:deletion></text:changed-region></text:tracked-changes>'
      + '<text:h>一、总体<office:annotation><text:p>批注</text:p></office:annotation></text:h><text:p>税收收入<text:s text:c="2"/>14869 万元<text:note><text:note-body><text:p>注</text:p></text:note-body></text:note>，\n  同比减少<text:tab/>36.2%<text:line-break/>第二行</text:p>'
      + "<table:table><table:table-row><table:table-cell><text:p>指标</text:p></table:table-cell><table:table-cell><text:p>5%</text:p></table:table-cell></table:table-row></table:table>";
    const d = await decodeDocument(await odt(body), at("a.odt"));
    expect(d).toMatchObject({ reader: "odt", encoding: null, text: "一、总体\n税收收入  14869 万元， 同比减少\t36.2%\n第二行\n指标\t5%" });
  });

  it("tells an OLE2 file's kind from its stream names", () => {
    expect(oleKind(ole2("WordDocument", "1Table"))).toBe("word");
    expect(oleKind(ole2("Workbook"))).toBe("excel");
    expect(oleKind(ole2("PowerPoint Document"))).toBe("powerpoint");
    expect(oleKind(ole2("EncryptedPackage"))).toBe("encrypted");
    expect(oleKind(ole2("MatOST", "CONTENTS"))).toBe("works");
    expect(oleKind(ole2("Foo"))).toBe("other");
  });

  it("says a corrupt .doc, .wps, .rtf or .odt is corrupt, with its code", async () => {
    expect(await failure(ole2("WordDocument"), "x.doc")).toMatchObject({ code: "corrupt-doc", message: expect.stringMatching(/^corrupt \.doc \(/) });
    expect(await failure(ole2("WordDocument"), "x.wps")).toMatchObject({ code: "corrupt-doc", message: expect.stringMatching(/^corrupt \.wps \(/) });
    expect(await failure(ole2("Foo"), "x.doc")).toMatchObject({ code: "corrupt-doc", message: "corrupt .doc (no WordDocument stream: truncated, or not a Word file)" });
    expect(await failure(Buffer.from("{\\rtf1\\ansi {\\b 增长"), "x.rtf")).toMatchObject({ code: "corrupt-rtf", message: "corrupt .rtf (2 groups never closed: the file is truncated?)" });
    expect(await failure(Buffer.from("not rtf at all"), "x.rtf")).toMatchObject({ code: "corrupt-rtf", message: "corrupt .rtf (it does not start with {\\rtf)" });
    expect((await failure(Buffer.from("PK\u0003\u0004 not really a zip"), "x.odt")).code).toBe("corrupt-odt");
    const noContent = new JSZip();
    noContent.file("mimetype", "application/vnd.oasis.opendocument.text");
    expect(await failure(await noContent.generateAsync({ type: "nodebuffer" }), "x.odt")).toMatchObject({ code: "corrupt-odt", message: "corrupt .odt (no content.xml in the archive)" });
    expect((await failure(await odt("<text:p>unclosed"), "x.odt")).code).toBe("corrupt-odt");
  });

  it("names an OLE2 or web-archive file that is not a report text it can read", async () => {
    expect(await failure(ole2("Workbook"), "x.doc")).toMatchObject({ code: "unsupported-format", message: "an Excel workbook (.xls), not a report text" });
    expect(await failure(ole2("MatOST"), "x.wps")).toMatchObject({ code: "unsupported-format", message: expect.stringMatching(/Microsoft Works \.wps/) });
    expect(await failure(ole2("EncryptedPackage"), "x.docx")).toMatchObject({ code: "unsupported-format", message: expect.stringMatching(/password-protected/) });
    const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="gb2312"\r\n';
    expect(await failure(Buffer.from(mht), "report.doc")).toMatchObject({ code: "unsupported-format", message: expect.stringMatching(/MIME web archive/) });
  });

  it("reads a PDF page with neither text nor image as an empty page, not a scan", async () => {
    const pdf = buildPdf(["BT /F1 12 Tf 72 720 Td (GDP 5.2%) Tj ET", "0.5 g 72 72 468 648 re f"]);
    expect((await decodeDocument(pdf, at("a.pdf"))).text).toBe("GDP 5.2%\n\f\n");
  });

  it("never reads a binary format as text, whatever its name", async () => {
    expect(await failure(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), "a.txt")).toMatchObject({ code: "binary-file", message: "binary file (gzip archive), not text" });
    expect(await failure(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "photo.doc")).toMatchObject({ code: "binary-file", message: "binary file (JPEG image), not text" });
    const zip = new JSZip();
    zip.file("a.csv", "1,2");
    expect(await failure(await zip.generateAsync({ type: "nodebuffer" }), "data.txt")).toMatchObject({ code: "binary-file", message: "binary file (ZIP archive), not text" });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]);
    expect((await failure(exe, "setup")).message).toBe("binary file (Windows executable), not text");
    // a text that merely starts with the letters of a magic number is still text
    expect((await decodeDocument(Buffer.from("BM增长5%"), at("a.txt"))).text).toBe("BM增长5%");
  });
});

describe("docs/batch.md", () => {
  it("lists every input error code in its bad-input table", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../docs/batch.md", import.meta.url)), "utf8");
    const table = doc.slice(doc.indexOf("## Bad inputs"), doc.indexOf("## Flags"));
    expect(INPUT_ERROR_CODES.filter((c) => !table.includes(`\`${c}\``))).toEqual([]);
  });
});
