/** Why an input could not be read; the code goes into diagnostics.jsonl, the message names the problem (each is in docs/batch.md). */
export const INPUT_ERROR_CODES = [
  "missing-input",
  "no-match",
  "symlink-loop",
  "not-a-file",
  "unreadable",
  "too-large",
  "empty-input",
  "no-text",
  "binary-file",
  "undecodable",
  "unsupported-format",
  "corrupt-docx",
  "corrupt-doc",
  "corrupt-rtf",
  "corrupt-odt",
  "corrupt-pdf",
  "no-text-layer",
  "ocr-unavailable",
  "ocr-failed",
  "worker-crashed",
  "extract-failed",
  "time-limit",
  "time-budget",
  "output-too-large",
  "inflated-too-large",
  "too-many-pages",
  "too-many-records",
] as const;

/** One of INPUT_ERROR_CODES: `"corrupt-rtf"`. */
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

/** A problem with one input: `throw new InputError("empty-input", "empty file (0 bytes)")`. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** The code and message of anything thrown while reading: `describeError(new Error("EIO"))`. */
export function describeError(e: unknown, fallback: InputErrorCode = "unreadable"): { code: InputErrorCode; message: string } {
  if (e instanceof InputError) return { code: e.code, message: e.message };
  const err = e as NodeJS.ErrnoException;
  const msg = (err && typeof err.message === "string" ? err.message : String(e)).split("\n")[0] ?? "";
  if (err && err.code === "ENOENT") return { code: "missing-input", message: "no such file or folder" };
  if (err && err.code === "ELOOP") return { code: "symlink-loop", message: "symlink loop (too many levels of symbolic links)" };
  if (err && (err.code === "EACCES" || err.code === "EPERM")) return { code: "unreadable", message: "permission denied" };
  if (err && typeof err.code === "string") return { code: fallback, message: `cannot read (${err.code}: ${msg.replace(/^[A-Z]+: /, "")})` };
  return { code: fallback, message: msg };
}
