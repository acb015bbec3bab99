/** What the first bytes of an input say it is, whatever its name says. */
export type Sniffed = "pdf" | "zip" | "ole2" | "html" | "image" | "archive" | "executable" | null;

const MAGIC: [Sniffed, string, number[]][] = [
  ["pdf", "PDF", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["zip", "ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["ole2", "legacy Office (OLE2) file, e.g. .doc; save it as .docx", [0xd0, 0xcf, 0x11, 0xe0]],
  ["image", "PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["image", "JPEG image", [0xff, 0xd8, 0xff]],
  ["image", "GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["image", "TIFF image", [0x49, 0x49, 0x2a, 0x00]],
  ["image", "TIFF image", [0x4d, 0x4d, 0x00, 0x2a]],
  ["archive", "gzip archive", [0x1f, 0x8b]],
  ["archive", "7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf]],
  ["archive", "RAR archive", [0x52, 0x61, 0x72, 0x21]],
  ["executable", "ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/** The kind and a label of the bytes' format: `sniff(pngBytes)` → `{ kind: "image", label: "PNG image" }`. */
export function sniff(bytes: Uint8Array): { kind: Sniffed; label: string | null } {
  for (const [kind, label, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return { kind, label };
  }
  const head = latin1Head(bytes, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|\?xml[^>]*>\s*<!doctype html)/.test(head)) return { kind: "html", label: "HTML page" };
  return { kind: null, label: null };
}

/** The first `n` bytes as latin1 (for ASCII sniffing): `latin1Head(bytes, 4)`. */
export function latin1Head(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.length)).toString("latin1");
}
