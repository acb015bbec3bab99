import { InputError } from "./errors.js";

/** The raw text of a .docx, one paragraph a line: `await docxToText(bytes)` → "一、总体\n增长5%". */
export async function docxToText(bytes: Uint8Array): Promise<{ text: string; messages: string[] }> {
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
