import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { ROOT, SHARED } from "../helpers.js";
import { convert, SOFFICE } from "../io/helpers/office.js";

const REPORT = `${SHARED}corpus/district_hailar_2016.txt`;
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
const jsonl = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** The first bytes of an OLE2 file that names a WordDocument stream but holds none: a damaged .doc. */
const brokenDoc = () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from("WordDocument\0", "utf16le"), Buffer.alloc(512)]);

/** A short RTF as WPS Office writes it: GBK bytes as \'hh escapes. */
function gbkRtf(text: string): Buffer {
  const esc = [...iconv.encode(text, "gbk")].map((b) => (b >= 0x80 ? `\\'${b.toString(16)}` : b === 0x5c || b === 0x7b || b === 0x7d ? `\\${String.fromCharCode(b)}` : String.fromCharCode(b))).join("");
  return Buffer.from(`{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 SimSun;}}\\f0 ${esc.replace(/\n/g, "\\par\n")}\\par}`, "latin1");
}

async function odt(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" });
  zip.file("content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${paragraphs.map((p) => `<text:p>${p}</text:p>`).join("")}</office:text></office:body></office:document-content>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

const SHORT = "2023年工作总结\n全年地区生产总值增长5.2%，城镇新增就业1200万人。\n税收收入14869万元，同比减少36.2%。";

let tmp = "";
beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/cli.js"))) throw new Error("dist/cli.js missing");
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-inputs-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("extract over a folder: every report format read, every other file named and counted", () => {
  let run: ReturnType<typeof cli>;
  const out = () => join(tmp, "out-folder");

  beforeAll(async () => {
    const dir = join(tmp, "folder");
    mkdirSync(join(dir, "sub"), { recursive: true });
    writeFileSync(join(dir, "a.txt"), iconv.encode(SHORT, "gbk"));
    writeFileSync(join(dir, "b.rtf"), gbkRtf(SHORT));
    writeFileSync(join(dir, "sub", "c.odt"), await odt(SHORT.split("\n")));
    writeFileSync(join(dir, "sheet.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(dir, "attachments.zip"), Buffer.from("PK\u0005\u0006" + "\0".repeat(18), "latin1"));
    writeFileSync(join(dir, "sub", "more.zip"), Buffer.from("PK\u0005\u0006" + "\0".repeat(18), "latin1"));
    writeFileSync(join(dir, "sub", "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    run = cli(["extract", dir, "--out", out(), "--jobs", "1"]);
  });

  it("exits 0 and reads .txt (GBK), .rtf and .odt into the same records", () => {
    expect(run.status, run.stderr).toBe(0);
    const docs = jsonl(join(out(), "documents.jsonl"));
    expect(docs.map((d) => [d.doc_id, d.reader, d.encoding, d.record_count])).toEqual([
      ["a", "txt", "gb18030", 4],
      ["b", "rtf", null, 4],
      ["sub/c", "odt", null, 4],
    ]);
    const says = (doc: string) => jsonl(join(out(), "records.jsonl")).filter((r) => r.doc_id === doc).map((r) => [r.raw, r.value, r.unit, r.kind, r.indicator]);
    expect(says("b")).toEqual(says("a"));
    expect(says("sub/c")).toEqual(says("a"));
  });

  it("names each skipped file on stderr and counts them by extension in the summary line", () => {
    const lines = run.stderr.trim().split("\n");
    expect(lines).toContain(`zhibiao: ${join(tmp, "folder", "attachments.zip")}: skipped, not a format zhibiao reads (.zip)`);
    expect(lines).toContain(`zhibiao: ${join(tmp, "folder", "sheet.xls")}: skipped, not a format zhibiao reads (.xls)`);
    expect(lines).toContain(`zhibiao: ${join(tmp, "folder", "sub", "photo.jpg")}: skipped, not a format zhibiao reads (.jpg)`);
    expect(lines.at(-1)).toMatch(new RegExp(`^zhibiao: 3 documents, 12 records, \\d+ panel cells → ${out()}; 4 files skipped: 2 \\.zip, 1 \\.jpg, 1 \\.xls$`));
    expect(jsonl(join(out(), "diagnostics.jsonl")).filter((d) => d.code === "skipped-format")).toHaveLength(4);
  });

  it("says nothing of skipped files when there are none", () => {
    const r = cli(["extract", join(tmp, "folder", "a.txt"), "--out", join(tmp, "out-one")]);
    expect(r.stderr.trim()).toMatch(/^zhibiao: 1 documents, 4 records, \d+ panel cells → \S+$/);
  });
});

describe("corrupt .doc, .wps, .rtf and .odt: an error with its code, exit 2, the rest written whole", () => {
  it.each([
    ["broken.doc", "corrupt-doc", /^corrupt \.doc \(/],
    ["broken.wps", "corrupt-doc", /^corrupt \.wps \(/],
    ["broken.rtf", "corrupt-rtf", /^corrupt \.rtf \(1 group never closed: the file is truncated\?\)$/],
    ["broken.odt", "corrupt-odt", /^corrupt \.odt \(not a valid zip archive\)$/],
  ])("%s → %s", async (name, code, message) => {
    const dir = join(tmp, `bad-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "good.txt"), SHORT);
    const bytes = name.endsWith(".rtf") ? gbkRtf(SHORT).subarray(0, 60) : name.endsWith(".odt") ? (await odt(SHORT.split("\n"))).subarray(0, 80) : brokenDoc();
    writeFileSync(join(dir, name), bytes);
    const out = join(dir, "out");
    const r = cli(["extract", dir, "--out", out, "--quiet"]);
    expect(r.status).toBe(2);
    const path = join(dir, name);
    const line = r.stderr.split("\n").find((l) => l.startsWith(`zhibiao: ${path}: `));
    expect(line?.slice(`zhibiao: ${path}: `.length)).toMatch(message);
    expect(jsonl(join(out, "diagnostics.jsonl")).find((d) => d.path === path)).toMatchObject({ severity: "error", code });
    const docs = jsonl(join(out, "documents.jsonl"));
    expect(docs.map((d) => [d.doc_id, d.status])).toEqual([
      ["broken", "error"],
      ["good", "ok"],
    ]);
    expect(jsonl(join(out, "records.jsonl"))).toHaveLength(4);
  });
});

describe("--ocr on a machine without the OCR engine", () => {
  /** A PATH holding pdftoppm (when installed) but no tesseract. */
  const noTesseract = () => {
    const bin = join(tmp, "bin-no-tesseract");
    mkdirSync(bin, { recursive: true });
    if (existsSync("/usr/bin/pdftoppm") && !existsSync(join(bin, "pdftoppm"))) symlinkSync("/usr/bin/pdftoppm", join(bin, "pdftoppm"));
    return bin;
  };

  it("extract --ocr is refused before anything is read or written: exit 1, saying what to install", () => {
    writeFileSync(join(tmp, "plain.txt"), SHORT);
    const out = join(tmp, "out-ocr");
    const r = cli(["extract", join(tmp, "plain.txt"), "--out", out, "--ocr"], { PATH: noTesseract() });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^zhibiao extract: --ocr needs tesseract-ocr and tesseract-ocr-chi-sim \(apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils\): (tesseract|pdftoppm): not installed/);
    expect(existsSync(out)).toBe(false);
  });

  it("explain --file --ocr of a scanned PDF is an ocr-unavailable error, exit 2", () => {
    copyFileSync(join(ROOT, "test/fixtures/io/scanned.pdf"), join(tmp, "scan.pdf"));
    const r = cli(["explain", "--file", join(tmp, "scan.pdf"), "--ocr"], { PATH: noTesseract() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/scan\.pdf: OCR needs tesseract-ocr and tesseract-ocr-chi-sim .*not installed \(ocr-unavailable\)/);
  });

  it("without --ocr, a scanned PDF's error says how to read it", () => {
    const r = cli(["explain", "--file", join(tmp, "scan.pdf")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no text layer \(scanned PDF\?\): 2 pages without text; run with --ocr \(needs tesseract-ocr and tesseract-ocr-chi-sim\) \(no-text-layer\)/);
  });
});

describe("explain --file reads what extract reads, and --at takes the offsets extract wrote", () => {
  const files: string[] = [];
  let records: Record<string, unknown>[] = [];
  /** doc_id by path, as extract gave them (hailar-lo.doc and hailar-lo.odt share a name: each has its path's hash). */
  const docIds = new Map<string, string>();

  beforeAll(() => {
    const dir = join(tmp, "explain");
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(REPORT, "utf8");
    writeFileSync(join(dir, "hailar-gbk.txt"), iconv.encode(text, "gbk"));
    writeFileSync(join(dir, "hailar-utf16.txt"), iconv.encode(text, "utf-16le", { addBOM: true }));
    writeFileSync(join(dir, "hailar.rtf"), gbkRtf(text.replace(/\r\n?/g, "\n")));
    files.push(join(dir, "hailar-gbk.txt"), join(dir, "hailar-utf16.txt"), join(dir, "hailar.rtf"));
    if (SOFFICE) {
      copyFileSync(REPORT, join(dir, "hailar-lo.txt"));
      files.push(convert(dir, "hailar-lo.txt", "doc"), convert(dir, "hailar-lo.txt", "odt"));
    }
    const r = cli(["extract", ...files, "--out", join(dir, "out"), "--quiet"]);
    if (r.status !== 0) throw new Error(r.stderr);
    records = jsonl(join(dir, "out", "records.jsonl"));
    for (const d of jsonl(join(dir, "out", "documents.jsonl"))) docIds.set(d.path as string, d.doc_id as string);
  }, 180_000);

  it("gives, for each file, every record extract wrote, with the same offsets", () => {
    for (const f of files) {
      const doc = docIds.get(f)!;
      const r = cli(["explain", "--file", f, "--doc-id", doc, "--json"]);
      expect(r.status, r.stderr).toBe(0);
      const mine = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      const theirs = records.filter((x) => x.doc_id === doc);
      expect(theirs.length).toBeGreaterThan(100);
      expect(mine.map((x) => [x.record_id, x.start, x.end, x.raw, x.value, x.path])).toEqual(theirs.map((x) => [x.record_id, x.start, x.end, x.raw, x.value, x.path]));
    }
  }, 180_000);

  it("--at a record's start explains the sentence that holds that record", () => {
    for (const f of files) {
      const doc = docIds.get(f)!;
      const rec = records.filter((x) => x.doc_id === doc)[50]!;
      const r = cli(["explain", "--file", f, "--doc-id", doc, "--at", String(rec.start), "--json"]);
      expect(r.status, r.stderr).toBe(0);
      const got = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(got.map((x) => x.record_id)).toContain(rec.record_id);
      expect(got.every((x) => x.sentence === rec.sentence)).toBe(true);
    }
  }, 120_000);

  it("says which reader read the file", () => {
    const r = cli(["explain", "--file", files[0]!, "--at", "0"]);
    expect(r.stdout.split("\n")[0]).toMatch(/^── read .*hailar-gbk\.txt: reader txt, encoding gb18030, \d+ characters$/);
  });

  it("--meta FILE: the row for the file overrides its text, as in extract", () => {
    const dir = join(tmp, "explain");
    writeFileSync(join(dir, "meta.csv"), "doc_id,region,report_year\nhailar-gbk,广东省深圳市盐田区,2016\n");
    const r = cli(["explain", "--file", files[0]!, "--meta", join(dir, "meta.csv"), "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const mine = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const ex = cli(["extract", files[0]!, "--meta", join(dir, "meta.csv"), "--out", "-", "--quiet"]);
    const theirs = ex.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(mine.every((x) => x.region === "广东省深圳市盐田区")).toBe(true);
    expect(mine.map((x) => [x.record_id, x.region, x.region_code, x.period])).toEqual(theirs.map((x) => [x.record_id, x.region, x.region_code, x.period]));
  });

  it("--meta and --ocr need --file", () => {
    expect(cli(["explain", "增长5%", "--ocr"]).status).toBe(1);
  });
});
