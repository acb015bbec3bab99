import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { decodeDocument, type ReadDocument } from "../../src/io/decode.js";
import { createEngine, type Engine } from "../../src/pipeline/engine.js";
import { extractDocument } from "../../src/pipeline/document.js";
import type { MetricRecord } from "../../src/model/record.js";
import { SHARED } from "../helpers.js";
import { convert, SOFFICE } from "./helpers/office.js";

/** A real district report, read from ../shared (never copied into the project; copied to a temp folder to convert). */
const REPORT = `${SHARED}corpus/district_hailar_2016.txt`;

/** What a record says, without its offsets (each reader's text has its own): raw, value, unit, kind, indicator. */
const says = (r: MetricRecord) => [r.raw, r.value, r.value_max, r.unit, r.kind, r.qualifier, r.indicator, r.status].join(" | ");

/** The report as WPS Office and older Word write RTF: GBK bytes as \'hh escapes under \ansicpg936, no \uN. */
function gbkRtf(text: string): Buffer {
  const body = text.replace(/\r\n?/g, "\n").split("\n").map((line) => {
    let out = "";
    for (const b of iconv.encode(line, "gbk")) {
      if (b >= 0x80) out += `\\'${b.toString(16)}`;
      else if (b === 0x5c || b === 0x7b || b === 0x7d) out += `\\${String.fromCharCode(b)}`;
      else out += String.fromCharCode(b);
    }
    return `\\pard\\plain\\f0\\fs24 ${out}\\par`;
  });
  const head = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}{\\info{\\title \\'b1\\'ea\\'cc\\'e2 5%}{\\author x}}";
  const picture = "{\\pict\\pngblip\\picw10\\pich10 89504e470d0a1a0a0000000d49484452}";
  return Buffer.from(`${head}\n${picture}\n${body.join("\n")}\n}`, "latin1");
}

/** A .docx with a page header, a footnote and a comment-free body, to see which parts each reader keeps. */
async function docxWithHeaderAndNote(): Promise<Buffer> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>');
  zip.file("word/header1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}><w:p><w:r><w:t>页眉文字</w:t></w:r></w:p></w:hdr>`);
  zip.file("word/footnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>脚注文字</w:t></w:r></w:p></w:footnote></w:footnotes>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>地区生产总值增长5.2%</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId3"/></w:sectPr></w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe.skipIf(!SOFFICE)("a real report converted by LibreOffice gives the same records in every format as its .txt", () => {
  let dir = "";
  let engine: Engine;
  const read: Record<string, { doc: ReadDocument; records: MetricRecord[] }> = {};
  const extract = async (file: string) => {
    const doc = await decodeDocument(readFileSync(join(dir, file)), { path: join(dir, file), doc_id: "hailar" });
    read[file] = { doc, records: extractDocument(doc, engine).records };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zhibiao-formats-"));
    copyFileSync(REPORT, join(dir, "hailar.txt"));
    for (const f of ["doc", "rtf", "odt", "docx"]) convert(dir, "hailar.txt", f);
    // a WPS Office .wps is the Word binary format under another name
    copyFileSync(join(dir, "hailar.doc"), join(dir, "hailar.wps"));
    writeFileSync(join(dir, "hailar-gbk.rtf"), gbkRtf(readFileSync(REPORT, "utf8")));
    engine = createEngine();
    for (const f of ["hailar.txt", "hailar.doc", "hailar.wps", "hailar.rtf", "hailar-gbk.rtf", "hailar.odt", "hailar.docx"]) await extract(f);
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads the .txt into well over a hundred records (the baseline)", () => {
    expect(read["hailar.txt"]!.records.length).toBeGreaterThan(100);
  });

  it.each([
    ["hailar.doc", "doc"],
    ["hailar.wps", "wps"],
    ["hailar.rtf", "rtf"],
    ["hailar-gbk.rtf", "rtf"],
    ["hailar.odt", "odt"],
    ["hailar.docx", "docx"],
  ])("%s (reader %s): the same records, in the same order, as the .txt", (file, reader) => {
    const { doc, records } = read[file]!;
    expect(doc.reader).toBe(reader);
    expect(doc.encoding).toBeNull();
    expect(records.map(says)).toEqual(read["hailar.txt"]!.records.map(says));
    // offsets index the text this reader produced
    for (const r of records) expect(doc.text.slice(r.start, r.end)).toBe(r.raw);
  });

  it("keeps the report's curly quotes and dashes in .doc (word-extractor would make them ASCII)", () => {
    expect(read["hailar.doc"]!.doc.text).toContain("“十二五”");
    expect(read["hailar.doc"]!.doc.text).toContain("——2016年2月19日");
  });

  it("reads a table as the html reader does: a row a line, cells apart by tabs", async () => {
    writeFileSync(join(dir, "table.html"), "<html><body><p>一、总体</p><table><tr><td>地区生产总值</td><td>增长5%</td></tr><tr><td>税收收入</td><td>14869万元</td></tr></table><p>末段</p></body></html>");
    const want = "一、总体\n地区生产总值\t增长5%\n税收收入\t14869万元\n末段";
    expect((await decodeDocument(readFileSync(join(dir, "table.html")), { path: "table.html", doc_id: "t" })).text).toBe(want);
    for (const [format, filter] of [["doc", "MS Word 97"], ["rtf", "Rich Text Format"], ["odt", "writer8"]]) {
      const file = convert(dir, "table.html", `${format}:${filter}`);
      const doc = await decodeDocument(readFileSync(file), { path: `table.${format}`, doc_id: "t" });
      expect([doc.reader, doc.text]).toEqual([format, want]);
    }
  }, 120_000);

  it("names a Word 6.0/95 .doc (FIB magic A5DC) as a format it does not read", async () => {
    const bytes = readFileSync(join(dir, "hailar.doc"));
    const fib = bytes.indexOf(Buffer.from([0xec, 0xa5]));
    bytes[fib] = 0xdc;
    await expect(decodeDocument(bytes, { path: "old.doc", doc_id: "old" })).rejects.toMatchObject({ code: "unsupported-format", message: "a Word 6.0/95 .doc, older than zhibiao reads; save it as .docx" });
  });

  it.each([0.5, 0.9])("says a .doc cut to %s of its length is corrupt", async (share) => {
    const bytes = readFileSync(join(dir, "hailar.doc"));
    await expect(decodeDocument(bytes.subarray(0, Math.floor(bytes.length * share)), { path: "cut.doc", doc_id: "cut" })).rejects.toMatchObject({
      code: "corrupt-doc",
      message: expect.stringMatching(/^corrupt \.doc \((truncated or damaged|no WordDocument stream: truncated, or not a Word file)\)$/),
    });
  });

  it("leaves out page headers and footnotes in .doc, .rtf and .odt (as LibreOffice writes them from a .docx that has both)", async () => {
    writeFileSync(join(dir, "parts.docx"), await docxWithHeaderAndNote());
    for (const format of ["doc", "rtf", "odt"]) {
      const file = convert(dir, "parts.docx", format);
      const doc = await decodeDocument(readFileSync(file), { path: file, doc_id: "parts" });
      expect(doc.text, format).toContain("地区生产总值增长5.2%");
      expect(doc.text, format).not.toMatch(/页眉文字|脚注文字/);
    }
  }, 120_000);

  it("leaves out an RTF's metadata and pictures", () => {
    const text = read["hailar-gbk.rtf"]!.doc.text;
    expect(text).not.toContain("标题");
    expect(text).not.toContain("89504e47");
    expect(text.startsWith("政 府 工 作 报 告")).toBe(true);
  });
});
