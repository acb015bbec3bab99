/**
 * Issue 16, the caps: each limit of src/limits.ts, at the smallest size that shows it (the limit set low
 * through its environment variable), is an error for that document alone — a stderr line naming the
 * file, a diagnostic with the code, status "error", exit 2 — and the good inputs of the same batch are
 * written whole. Also: the readers stop a zip bomb after the limit's bytes, a PDF over the page cap is
 * refused from its page count, built-in rules pass recheck at load (from the build's verdict file) and
 * a vulnerable one is refused with file and line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { build, ROOT, zhibiao } from "../batch/cli.js";
import { decodeDocument } from "../../src/io/decode.js";
import { checkInflatedXml, inflateEntry, zipEntries } from "../../src/io/zip.js";
import { InputError } from "../../src/io/errors.js";
import { DEFAULT_LIMITS, LIMITS, limitsFrom } from "../../src/limits.js";
import { recordSentence } from "../../src/pipeline/extract.js";
import { createEngine } from "../../src/pipeline/engine.js";
import { patternKey, redosProblem } from "../../src/rules/redos.js";
// @ts-expect-error a plain .mjs helper without types
import { buildPdf } from "../fixtures/io/make-fixtures.mjs";

const SEED = readFileSync(join(ROOT, "seeds/000_a856141411780175.txt"), "utf8");
const DENSE = "税收收入14869万元城镇新增就业1200万人";
let tmp: string;

const readJsonl = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

interface Part {
  name: string;
  data: Buffer;
  /** Deflate it (else stored). */
  deflate?: boolean;
  /** The uncompressed size the archive declares, when it lies. */
  declared?: number;
}

/** A zip of these parts, each declaring its size (or the lie it is given). */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = p.deflate ? deflateRawSync(p.data, { level: 9 }) : p.data;
    const method = p.deflate ? 8 : 0;
    const size = p.declared ?? p.data.length;
    const crc = crc32(p.data) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const MB = 2 ** 20;
/** XML of `mb` megabytes: paragraphs of a figure, as a Word body or an ODF one. */
function xmlOf(mb: number, odt: boolean): Buffer {
  const para = odt ? "<text:p>税收收入14869万元，同比增长5%。</text:p>" : "<w:p><w:r><w:t>税收收入14869万元，同比增长5%。</w:t></w:r></w:p>";
  const head = odt
    ? '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
    : '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = odt ? "</office:text></office:body></office:document-content>" : "</w:body></w:document>";
  return Buffer.from(head + para.repeat(Math.ceil((mb * MB) / Buffer.byteLength(para))) + tail);
}

/** A .docx whose document.xml is `mb` MB, declaring `declared` bytes when it lies. */
function docxBomb(mb: number, declared?: number): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "word/document.xml", data: xmlOf(mb, false), deflate: true, declared },
  ]);
}

/** An .odt whose content.xml is `mb` MB, declaring `declared` bytes when it lies. */
function odtBomb(mb: number, declared?: number): Buffer {
  return zip([
    { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text") },
    { name: "content.xml", data: xmlOf(mb, true), deflate: true, declared },
  ]);
}

/** A PDF of `n` pages, each a line of text. */
function pdfOf(n: number): Buffer {
  return buildPdf(Array.from({ length: n }, (_, i) => `BT /F1 12 Tf 72 720 Td (GDP 5.${i % 10}% page ${i + 1}) Tj ET`)) as Buffer;
}

const at = (path: string) => ({ path, doc_id: "x" });
async function failure(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error");
}

beforeAll(() => {
  build();
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-limits-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the limits module", () => {
  it("has a default and a ZHIBIAO_ variable for each limit; bad values are refused naming the variable", () => {
    expect(limitsFrom({})).toEqual(DEFAULT_LIMITS);
    for (const spec of Object.values(LIMITS)) expect(spec.env).toMatch(/^ZHIBIAO_(MAX_[A-Z_]+|TIME_LIMIT)$/);
    expect(limitsFrom({ ZHIBIAO_MAX_XML_BYTES: "2MB", ZHIBIAO_MAX_RECORDS: "10", ZHIBIAO_MAX_PDF_PAGES: "3", ZHIBIAO_TIME_LIMIT: "5" })).toMatchObject({ maxXmlBytes: 2 * MB, maxRecords: 10, maxPdfPages: 3, timeLimitSeconds: 5 });
    expect(() => limitsFrom({ ZHIBIAO_MAX_RECORDS: "lots" })).toThrow(/ZHIBIAO_MAX_RECORDS="lots": a whole number/);
    expect(() => limitsFrom({ ZHIBIAO_MAX_XML_BYTES: "-1" })).toThrow(/ZHIBIAO_MAX_XML_BYTES/);
  });

  it("the CLI refuses a bad limit value before reading any input (exit 1)", async () => {
    const r = await zhibiao(["extract", "-", "--out", join(tmp, "out-bad-env")], { env: { ZHIBIAO_MAX_PDF_PAGES: "0" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ZHIBIAO_MAX_PDF_PAGES="0"/);
  }, 60_000);
});

describe("zip bombs: .docx and .odt XML counted while inflating, declared sizes not trusted", () => {
  it("reads the central directory of a zip", () => {
    const z = docxBomb(0.01);
    expect(zipEntries(z).map((e) => e.name)).toEqual(["[Content_Types].xml", "word/document.xml"]);
  });

  it("stops inflating a part that declares 10 KB soon after the limit, in well under a second", async () => {
    const bomb = docxBomb(40, 10_000);
    const entry = zipEntries(bomb).find((e) => e.name === "word/document.xml")!;
    const t0 = Date.now();
    let seen = 0;
    await expect(inflateEntry(bomb, entry, MB, (c) => (seen += c.length))).rejects.toThrow(/inflates past the limit/);
    expect(seen).toBeLessThanOrEqual(MB);
    expect(Date.now() - t0).toBeLessThan(1000);
    const e = await failure(checkInflatedXml(bomb, MB, "corrupt-docx", ".docx"));
    expect(e.code).toBe("inflated-too-large");
    expect(e.message).toMatch(/declare 9.9 KB but inflate to more \(word\/document\.xml stopped at 1(\.\d)? MB\), over the limit of 1 MB of XML \(ZHIBIAO_MAX_XML_BYTES\)/);
  });

  it("refuses from the declared size alone when it is over the limit", async () => {
    const e = await failure(decodeDocument(docxBomb(3), at("a.docx"), { limits: { maxXmlBytes: 2 * MB, maxPdfPages: 10 } }));
    expect(e).toMatchObject({ code: "inflated-too-large", message: expect.stringMatching(/its XML parts declare 3 MB, over the limit of 2 MB/) });
  });

  it("refuses an .odt bomb the same way, and reads an .odt under the limit as it inflates", async () => {
    const e = await failure(decodeDocument(odtBomb(4, 10_000), at("a.odt"), { limits: { maxXmlBytes: MB, maxPdfPages: 10 } }));
    expect(e.code).toBe("inflated-too-large");
    const ok = await decodeDocument(odtBomb(0.5), at("a.odt"), { limits: { maxXmlBytes: MB, maxPdfPages: 10 } });
    expect(ok.text.split("\n")[0]).toBe("税收收入14869万元，同比增长5%。");
  });

  it("a truncated zip is corrupt, not a bomb", async () => {
    expect((await failure(decodeDocument(docxBomb(0.1).subarray(0, 200), at("a.docx")))).code).toBe("corrupt-docx");
  });
});

describe("PDF pages", () => {
  it("refuses a PDF over the page cap from its page count; reads one under it page by page", async () => {
    const pdf = pdfOf(30);
    const e = await failure(decodeDocument(pdf, at("a.pdf"), { limits: { maxXmlBytes: MB, maxPdfPages: 20 } }));
    expect(e).toMatchObject({ code: "too-many-pages", message: "too many pages: 30 > 20 (ZHIBIAO_MAX_PDF_PAGES); not read" });
    const ok = await decodeDocument(pdf, at("a.pdf"), { limits: { maxXmlBytes: MB, maxPdfPages: 30 } });
    const pages = ok.text.split("\n\f\n");
    expect(pages).toHaveLength(30);
    expect(pages[29]).toBe("GDP 5.9% page 30");
  });
});

describe("records: a sentence without punctuation is stored as a window around each figure", () => {
  it("keeps a sentence of up to 1,000 characters whole, and cuts a longer one to 100 characters either side", () => {
    const short = "税收收入 14869万元，同比减少36.2%。";
    expect(recordSentence(short, 0, short.length, 5, 12)).toBe(short);
    const long = DENSE.repeat(60);
    const start = 23 * 30 + 4;
    const s = recordSentence(long, 0, long.length, start, start + 7);
    expect(s).toBe(`…${long.slice(start - 100, start + 107)}…`);
    expect(recordSentence(long, 0, long.length, 2, 9)).toBe(`${long.slice(0, 109)}…`);
  });
});

describe("one batch: every cap an error for its document alone (exit 2), the good input written whole", () => {
  it("a docx bomb, an odt bomb, a PDF over the page cap and a text over the record cap", async () => {
    const dir = join(tmp, "caps");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "good.txt"), SEED);
    writeFileSync(join(dir, "bomb.docx"), docxBomb(8, 10_000));
    writeFileSync(join(dir, "bomb.odt"), odtBomb(8, 10_000));
    writeFileSync(join(dir, "long.pdf"), pdfOf(40));
    writeFileSync(join(dir, "dense.txt"), DENSE.repeat(60));
    const out = join(tmp, "out-caps");
    const t0 = Date.now();
    const r = await zhibiao(["extract", dir, "--out", out, "--jobs", "2", "--quiet"], {
      env: { ZHIBIAO_MAX_XML_BYTES: "1MB", ZHIBIAO_MAX_PDF_PAGES: "30", ZHIBIAO_MAX_RECORDS: "100" },
    });
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.docx: \.docx inflates too much: .*ZHIBIAO_MAX_XML_BYTES/);
    expect(r.stderr).toMatch(/bomb\.odt: \.odt inflates too much: .*ZHIBIAO_MAX_XML_BYTES/);
    expect(r.stderr).toMatch(/long\.pdf: too many pages: 40 > 30 \(ZHIBIAO_MAX_PDF_PAGES\); not read/);
    expect(r.stderr).toMatch(/dense\.txt: too many records: 120 > 100 \(ZHIBIAO_MAX_RECORDS\); none written/);
    const docs = readJsonl(join(out, "documents.jsonl"));
    const good = docs.find((d) => d.doc_id === "good");
    const goodRecords = readJsonl(join(out, "records.jsonl")).filter((x) => x.doc_id === "good");
    expect(good).toMatchObject({ status: "ok", record_count: 87 });
    expect(goodRecords).toHaveLength(87);
    expect(readJsonl(join(out, "records.jsonl")).every((x) => x.doc_id === "good")).toBe(true);
    for (const id of ["bomb", "long", "dense"]) expect(docs.filter((d) => d.doc_id === id || String(d.doc_id).startsWith(`${id}~`)).every((d) => d.status === "error")).toBe(true);
    const codes = readJsonl(join(out, "diagnostics.jsonl")).filter((d) => d.severity === "error").map((d) => d.code).sort();
    expect(codes).toEqual(["inflated-too-large", "inflated-too-large", "too-many-pages", "too-many-records"]);
  }, 120_000);
});

describe("built-in rules are checked by recheck at load", () => {
  it("the build's verdict file holds every built-in rule and fragment, all safe: workers never load recheck", async () => {
    const { parse } = await import("yaml");
    const file = JSON.parse(readFileSync(join(ROOT, "dist/redos-verdicts.json"), "utf8")) as { verdicts: Record<string, string | null> };
    const patterns: string[] = [];
    for (const f of readdirSync(join(ROOT, "rules")).filter((n) => n.endsWith(".yaml"))) {
      const y = parse(readFileSync(join(ROOT, "rules", f), "utf8")) as { fragments?: Record<string, string>; rules?: { pattern: string }[] };
      patterns.push(...Object.values(y.fragments ?? {}), ...(y.rules ?? []).map((r) => r.pattern));
    }
    expect(patterns.length).toBeGreaterThan(20);
    for (const p of patterns) expect(file.verdicts[patternKey(p)], p).toBeNull();
  });

  it("refuses a vulnerable pattern in the built-in folder at load, naming file, line and rule", () => {
    const base = join(tmp, "builtin-copy");
    cpSync(join(ROOT, "rules"), base, { recursive: true });
    appendFileSync(
      join(base, "quantity.yaml"),
      `  - id: evil-builtin
    description: backtracks
    kind: quantity
    priority: 1
    resolver: figure
    pattern: '(?<m>(?:\\d|\\d\\d)+x)'
    examples:
      - text: 12x
        expect: { raw: 12x }
    counterexamples: [没有]
`,
    );
    expect(redosProblem("(?<m>(?:\\d|\\d\\d)+x)")).toMatch(/backtrack catastrophically/);
    expect(() => createEngine({ baseRulesDir: base })).toThrow(/quantity\.yaml:\d+: rule evil-builtin: pattern: can backtrack catastrophically/);
  }, 60_000);
});
