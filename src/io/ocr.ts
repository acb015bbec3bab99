import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "./errors.js";

/** The Debian packages OCR needs (pdftoppm comes with poppler-utils). */
export const OCR_PACKAGES = "tesseract-ocr and tesseract-ocr-chi-sim";

/** Tesseract's Simplified Chinese model. */
const LANG = "chi_sim";
/** Pages are rendered at this resolution for OCR (Tesseract reads best at about 300 dpi). */
const DPI = 300;
const RENDER_TIMEOUT_MS = 120_000;
const OCR_TIMEOUT_MS = 300_000;

/** Runs a program, resolving with its stdout; rejects with its stderr's first line (or the spawn error). */
function run(cmd: string, args: string[], timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // OMP_THREAD_LIMIT=1: each batch worker already has a core; Tesseract's own threads only contend
    execFile(cmd, args, { timeout, maxBuffer: 64 * 1024 * 1024, encoding: "utf8", env: { ...process.env, OMP_THREAD_LIMIT: "1" } }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const e = err as NodeJS.ErrnoException & { killed?: boolean };
      const why = e.code === "ENOENT" ? "not installed" : e.killed ? `timed out after ${timeout / 1000} s` : (stderr.trim().split("\n").pop() ?? e.message);
      reject(Object.assign(new Error(`${cmd}: ${why}`), { missing: e.code === "ENOENT" }));
    });
  });
}

let checked: Promise<string | null> | null = null;

/**
 * Null when OCR can run here (pdftoppm, tesseract and its chi_sim model are installed), else what is
 * missing: `await ocrUnavailable()` → null, or "tesseract: not installed".
 */
export function ocrUnavailable(): Promise<string | null> {
  checked ??= (async () => {
    try {
      await run("pdftoppm", ["-v"], 10_000);
    } catch (e) {
      return `${(e as Error).message} (poppler-utils)`;
    }
    let langs: string;
    try {
      langs = await run("tesseract", ["--list-langs"], 10_000);
    } catch (e) {
      return (e as Error).message;
    }
    return langs.split(/\s+/).includes(LANG) ? null : `tesseract has no ${LANG} model (tesseract-ocr-chi-sim)`;
  })();
  return checked;
}

/**
 * OCR of a PDF's pages (1-based numbers) with Tesseract's Simplified Chinese model, each page
 * rendered by pdftoppm: `await ocrPdfPages(bytes, [1, 2])` → ["一、总体情况\n地区生产总值增长5.2%", "…"].
 * Throws `ocr-unavailable` when the programs are not installed, `ocr-failed` when one fails on a page.
 */
export async function ocrPdfPages(pdf: Uint8Array, pages: readonly number[]): Promise<string[]> {
  const missing = await ocrUnavailable();
  if (missing) throw new InputError("ocr-unavailable", `OCR needs ${OCR_PACKAGES} (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils): ${missing}`);
  const dir = await mkdtemp(join(tmpdir(), "zhibiao-ocr-"));
  try {
    const file = join(dir, "in.pdf");
    await writeFile(file, pdf);
    const texts: string[] = [];
    for (const n of pages) {
      const prefix = join(dir, `p${n}`);
      try {
        await run("pdftoppm", ["-r", String(DPI), "-gray", "-png", "-f", String(n), "-l", String(n), "-singlefile", file, prefix], RENDER_TIMEOUT_MS);
        const png = (await readdir(dir)).find((f) => f === `p${n}.png`);
        if (!png) throw new Error("pdftoppm wrote no image");
        texts.push(cleanOcrText(await run("tesseract", [join(dir, png), "stdout", "-l", LANG], OCR_TIMEOUT_MS)));
      } catch (e) {
        throw new InputError("ocr-failed", `OCR failed on page ${n}: ${(e as Error).message}`);
      }
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef";
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, "g");

/**
 * Tesseract's text as a report would have it: no spaces beside Chinese characters (it puts them
 * between scripts and sometimes between characters), `5 .5` → `5.5`, no form feed, no trailing blank
 * lines: `cleanOcrText("城镇新增就业 1200 万人\f")` → "城镇新增就业1200万人".
 */
export function cleanOcrText(text: string): string {
  return text
    .replace(/\f/g, "")
    .replace(SPACE_NEXT_TO_CJK, "")
    .replace(/(?<=\d) +\.(?=\d)|(?<=\d)\. +(?=\d)/g, ".")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n+$/, "");
}
