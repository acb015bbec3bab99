import { InputError } from "./errors.js";
import { checkInflatedXml } from "./zip.js";
import { DEFAULT_LIMITS } from "../limits.js";

/**
 * The raw text of a .docx, one paragraph a line: `await docxToText(bytes)` → "一、总体\n增长5%".
 * Its XML parts are first inflated as a stream and counted (never held): over `maxXmlBytes` together
 * (ZHIBIAO_MAX_XML_BYTES, 16 MB by default) it is refused (`inflated-too-large`) before mammoth,
 * which holds the whole XML and its tree in memory, reads it.
 */
export async function docxToText(bytes: Uint8Array, opts: { maxXmlBytes?: number } = {}): Promise<{ text: string; messages: string[] }> {
  await checkInflatedXml(bytes, opts.maxXmlBytes ?? DEFAULT_LIMITS.maxXmlBytes, "corrupt-docx", ".docx");
  const mammoth = (await import("mammoth")).default;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (e) {
    const raw = String((e as Error)?.message ?? e).split("\n")[0] ?? "";
    const why = /central directory|zip/i.test(raw) ? "not a valid zip archive" : raw;
    throw new InputError("corrupt-docx", `corrupt .docx (${why})`);
  }
  const text = result.value.replace(/\r\n?/g, "\n").replace(/\n\n/g, "\n").replace(/\n+$/, "");
  return { text, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}
