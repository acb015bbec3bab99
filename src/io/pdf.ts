import { InputError } from "./errors.js";
import { OCR_PACKAGES, ocrPdfPages } from "./ocr.js";
import { DEFAULT_LIMITS } from "../limits.js";

/** What separates the pages of a PDF in the text it gives: a line with a form feed. */
export const PAGE_BREAK = "\n\f\n";

/** A PDF's text, its page count, and the pages (1-based) whose text came from OCR. */
export interface PdfText {
  text: string;
  pages: number;
  ocrPages: number[];
}

/** How to run OCR for pages without a text layer: `--ocr`. */
const HOW = `run with --ocr (needs ${OCR_PACKAGES})`;

/**
 * The text layer of a PDF, pages joined by PAGE_BREAK: `await pdfToText(bytes)` → "一、总体\n增长5%".
 * A page with no text layer that shows an image (a scan) is an error naming the page, unless
 * `ocr` is set: then such pages are read by Tesseract and listed in `ocrPages`. A blank page (no
 * text, no image) is left empty.
 *
 * A PDF of more than `maxPages` pages (ZHIBIAO_MAX_PDF_PAGES, 10,000 by default) is refused from its
 * page count, before any page is read (`too-many-pages`); the others are read one page at a time,
 * each page's objects released once its text is taken, so memory holds the text and one page.
 */
export async function pdfToText(bytes: Uint8Array, opts: { ocr?: boolean; maxPages?: number } = {}): Promise<PdfText> {
  const { getDocumentProxy, getResolvedPDFJS } = await import("unpdf");
  const maxPages = opts.maxPages ?? DEFAULT_LIMITS.maxPdfPages;
  let pages: string[];
  let scanned: number[] = [];
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      const count = pdf.numPages;
      if (count > maxPages) throw new TooManyPages(count);
      pages = [];
      for (let n = 1; n <= count; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        // as unpdf's extractText: each item's text, a line break after an item that ends a line
        let text = "";
        for (const item of content.items) if ("str" in item && item.str != null) text += item.str + (item.hasEOL ? "\n" : "");
        pages.push(text);
        page.cleanup();
      }
      const empty = pages.flatMap((p, i) => (p.trim() ? [] : [i + 1]));
      // with every page empty, every page is to be read by OCR; otherwise only those that show an image
      if (empty.length === pages.length) scanned = empty;
      else if (empty.length) {
        const { OPS } = await getResolvedPDFJS();
        const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat]);
        for (const n of empty) {
          const ops = await (await pdf.getPage(n)).getOperatorList();
          if ((ops.fnArray as number[]).some((f) => IMAGE_OPS.has(f))) scanned.push(n);
        }
      }
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    if (e instanceof TooManyPages) throw new InputError("too-many-pages", `too many pages: ${e.pages.toLocaleString("en-US")} > ${maxPages.toLocaleString("en-US")} (ZHIBIAO_MAX_PDF_PAGES); not read`);
    const why = String((e as Error)?.message ?? e).split("\n")[0];
    throw new InputError("corrupt-pdf", `corrupt PDF (${why})`);
  }
  const all = scanned.length === pages.length;
  if (scanned.length && !opts.ocr) {
    if (all) throw new InputError("no-text-layer", `no text layer (scanned PDF?): ${plural(pages.length, "page")} without text; ${HOW}`);
    throw new InputError("no-text-layer", `${scanned.length === 1 ? "page" : "pages"} ${scanned.join(", ")} of ${pages.length} ${scanned.length === 1 ? "has" : "have"} no text layer (scanned PDF?); ${HOW}`);
  }
  const ocrPages: number[] = [];
  if (scanned.length) {
    const texts = await ocrPdfPages(bytes, scanned);
    scanned.forEach((n, i) => {
      pages[n - 1] = texts[i] ?? "";
      if (texts[i]?.trim()) ocrPages.push(n);
    });
    if (!pages.some((p) => p.trim())) throw new InputError("no-text", `no text: OCR found none on ${plural(pages.length, "page")}`);
  }
  return { text: pages.join(PAGE_BREAK), pages: pages.length, ocrPages };
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

/** A PDF over the page cap, found from its page count. */
class TooManyPages extends Error {
  constructor(readonly pages: number) {
    super(`${pages} pages`);
  }
}
