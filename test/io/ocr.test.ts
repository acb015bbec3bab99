import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeDocument } from "../../src/io/decode.js";
import { InputError } from "../../src/io/errors.js";
import { cleanOcrText } from "../../src/io/ocr.js";
import { createEngine } from "../../src/pipeline/engine.js";
import { extractDocument } from "../../src/pipeline/document.js";
import { findBinary } from "../export/helpers/binaries.js";
import { convert, SOFFICE } from "./helpers/office.js";

const TOOLS = "apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils img2pdf";
const PDFTOPPM = findBinary("OCR of scanned PDFs (pdftoppm)", ["pdftoppm"], TOOLS);
const IMG2PDF = findBinary("OCR of scanned PDFs (img2pdf)", ["img2pdf"], TOOLS);
const TESSERACT = findBinary("OCR of scanned PDFs (tesseract)", ["tesseract"], TOOLS);
const CHI_SIM = TESSERACT !== null && spawnSync(TESSERACT, ["--list-langs"], { encoding: "utf8" }).stdout.split(/\s+/).includes("chi_sim");
if (TESSERACT && !CHI_SIM) process.stderr.write(`[skip] OCR of scanned PDFs: tesseract has no chi_sim model; install with '${TOOLS}'\n`);

/** A few lines in the words of the national report of 2023, to be printed, scanned and read back. */
const TEXT = ["二〇二三年发展主要预期目标", "国内生产总值增长5%左右，城镇新增就业1200万人左右。", "居民消费价格涨幅3%左右。"].join("\n");

async function failure(bytes: Uint8Array, path: string): Promise<InputError> {
  try {
    await decodeDocument(bytes, { path, doc_id: "d" });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("cleanOcrText", () => {
  it("drops the spaces Tesseract puts beside Chinese characters, and inside a decimal", () => {
    expect(cleanOcrText("2023 年 主要 预期 目标\n城镇新增就业 1200 万人 左右 ， 失业率 5 .5%\f\n\n")).toBe("2023年主要预期目标\n城镇新增就业1200万人左右，失业率5.5%");
    expect(cleanOcrText("PM2.5 and GDP")).toBe("PM2.5 and GDP");
  });
});

describe.skipIf(!SOFFICE || !PDFTOPPM || !IMG2PDF || !CHI_SIM)("a scanned PDF (an image of a page, no text layer)", () => {
  let dir = "";
  let scanned: Buffer;
  let mixed: Buffer;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "zhibiao-ocr-"));
    writeFileSync(join(dir, "page.txt"), TEXT);
    // set in Noto Sans CJK (fonts-noto-cjk, which .ci/run installs), as reports are printed
    const withText = convert(dir, "page.txt", "pdf", "profile", "Noto Sans CJK SC");
    // print and scan: the page as a 300 dpi greyscale image, wrapped in a PDF that has no text layer
    execFileSync(PDFTOPPM!, ["-r", "300", "-gray", "-png", "-singlefile", withText, join(dir, "scan")]);
    execFileSync(IMG2PDF!, [join(dir, "scan.png"), "-o", join(dir, "scan.pdf")]);
    scanned = readFileSync(join(dir, "scan.pdf"));
    // a report whose first page has a text layer and whose second is a scan
    execFileSync("pdfunite", [withText, join(dir, "scan.pdf"), join(dir, "mixed.pdf")]);
    mixed = readFileSync(join(dir, "mixed.pdf"));
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("without --ocr is an error saying how to read it", async () => {
    const e = await failure(scanned, "scan.pdf");
    expect(e.code).toBe("no-text-layer");
    expect(e.message).toBe("no text layer (scanned PDF?): 1 page without text; run with --ocr (needs tesseract-ocr and tesseract-ocr-chi-sim)");
  });

  it("with --ocr is read by Tesseract: reader pdf+ocr, a diagnostic for the page, the figures found", async () => {
    const doc = await decodeDocument(scanned, { path: "scan.pdf", doc_id: "scan" }, { ocr: true });
    expect(doc.reader).toBe("pdf+ocr");
    expect(doc.text).toContain("城镇新增就业1200万人");
    expect(doc.diagnostics).toMatchObject([{ severity: "info", code: "ocr-page", message: expect.stringMatching(/^page 1 of 1 has no text layer: its text is from OCR/) }]);
    const { records, document } = extractDocument(doc, createEngine());
    expect(document.reader).toBe("pdf+ocr");
    expect(records.find((r) => r.value === 12_000_000)).toMatchObject({ unit: "人", kind: "quantity" });
  }, 120_000);

  it("names the scanned page of a PDF that has text on its other pages, and OCRs only that page", async () => {
    const e = await failure(mixed, "mixed.pdf");
    expect(e.code).toBe("no-text-layer");
    expect(e.message).toBe("page 2 of 2 has no text layer (scanned PDF?); run with --ocr (needs tesseract-ocr and tesseract-ocr-chi-sim)");
    const doc = await decodeDocument(mixed, { path: "mixed.pdf", doc_id: "mixed" }, { ocr: true });
    expect(doc.reader).toBe("pdf+ocr");
    const [first, second] = doc.text.split("\n\f\n");
    // pdf.js puts a space where the script changes in a text layer; OCR text has none
    expect(first).toMatch(/城镇新增就业 1200 万人左右/);
    expect(second).toContain("城镇新增就业1200万人");
    expect(doc.diagnostics.map((d) => d.message.slice(0, 14))).toEqual(["page 2 of 2 ha"]);
  }, 120_000);

  it("a PDF whose pages show nothing OCR can read is a no-text error, after OCR", async () => {
    const blank = readFileSync(join(import.meta.dirname, "../fixtures/io/scanned.pdf"));
    await expect(decodeDocument(blank, { path: "grey.pdf", doc_id: "g" }, { ocr: true })).rejects.toMatchObject({ code: "no-text", message: "no text: OCR found none on 2 pages" });
  }, 120_000);

  it("a PDF with a text layer is read without OCR even with --ocr", async () => {
    const doc = await decodeDocument(readFileSync(join(dir, "page.pdf")), { path: "page.pdf", doc_id: "p" }, { ocr: true });
    expect(doc.reader).toBe("pdf");
    expect(doc.diagnostics).toEqual([]);
  });
});
