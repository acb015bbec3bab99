/** What the first bytes of an input say it is, whatever its name says. */
export type Sniffed = "pdf" | "zip" | "ole2" | "rtf" | "html" | "mht" | "image" | "archive" | "executable" | "media" | null;

/** A magic number, and for short ones that plain text could start with, what else must hold. */
type Magic = [Sniffed, string, number[], ((b: Uint8Array) => boolean)?];

const MAGIC: Magic[] = [
  ["pdf", "PDF", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["zip", "ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["zip", "ZIP archive (empty)", [0x50, 0x4b, 0x05, 0x06]],
  ["ole2", "legacy Office (OLE2) file", [0xd0, 0xcf, 0x11, 0xe0]],
  ["rtf", "RTF document", [0x7b, 0x5c, 0x72, 0x74, 0x66]],
  ["image", "PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["image", "JPEG image", [0xff, 0xd8, 0xff]],
  ["image", "GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["image", "TIFF image", [0x49, 0x49, 0x2a, 0x00]],
  ["image", "TIFF image", [0x4d, 0x4d, 0x00, 0x2a]],
  ["image", "BMP image", [0x42, 0x4d], (b) => b.length > 14 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0],
  ["image", "WebP image", [0x52, 0x49, 0x46, 0x46], (b) => latin1Head(b, 12).slice(8) === "WEBP"],
  ["media", "RIFF media file (WAV, AVI)", [0x52, 0x49, 0x46, 0x46], (b) => b.length > 12 && b.subarray(4, 8).includes(0)],
  ["archive", "gzip archive", [0x1f, 0x8b]],
  ["archive", "7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf]],
  ["archive", "RAR archive", [0x52, 0x61, 0x72, 0x21, 0x1a]],
  ["archive", "xz archive", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["archive", "bzip2 archive", [0x42, 0x5a, 0x68], (b) => latin1Head(b, 10).slice(4) === "1AY&SY"],
  ["executable", "ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
  ["executable", "Windows executable", [0x4d, 0x5a], (b) => b.length > 64 && b.subarray(0, 64).includes(0)],
];

/** The kind and a label of the bytes' format: `sniff(pngBytes)` → `{ kind: "image", label: "PNG image" }`. */
export function sniff(bytes: Uint8Array): { kind: Sniffed; label: string | null } {
  for (const [kind, label, magic, also] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b) && (!also || also(bytes))) return { kind, label };
  }
  const head = latin1Head(bytes, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|\?xml[^>]*>\s*<!doctype html)/.test(head)) return { kind: "html", label: "HTML page" };
  if (/^mime-version:\s*1\.0/.test(head) && /content-type:\s*multipart\/related/.test(head)) return { kind: "mht", label: "MIME web archive (.mht)" };
  return { kind: null, label: null };
}

/** The first `n` bytes as latin1 (for ASCII sniffing): `latin1Head(bytes, 4)`. */
export function latin1Head(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.length)).toString("latin1");
}
