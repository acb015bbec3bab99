import { InputError } from "./errors.js";

/** What separates the pages of a PDF in the text it gives: a line with a form feed. */
export const PAGE_BREAK = "\n\f\n";

/**
 * The text layer of a PDF, pages joined by PAGE_BREAK: `await pdfToText(bytes)` → "一、总体\n增长5%".
 * A PDF whose pages hold no text (a scan) is an error, never an empty success.
 */
export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const { getDocumentProxy, extractText } = await import("unpdf");
  let pages: string[];
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split("\n")[0];
    throw new InputError("corrupt-pdf", `corrupt PDF (${why})`);
  }
  if (!pages.some((p) => p.trim())) {
    throw new InputError("no-text-layer", `no text layer (scanned PDF?): ${pages.length} page${pages.length === 1 ? "" : "s"} without text; run OCR first`);
  }
  return { text: pages.join(PAGE_BREAK), pages: pages.length };
}
