/** What the first bytes of an input say it is, whatever its name says. */
export type Sniffed = "pdf" | "zip" | "ole2" | "rtf" | "html" | "mht" | "image" | "archive" | "executable" | "media" | null;

const MAGIC: [Sniffed, string, number[]][] = [
  ["pdf", "PDF", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["zip", "ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["zip", "ZIP archive (empty)", [0x50, 0x4b, 0x05, 0x06]],
  ["ole2", "legacy Office (OLE2) file", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ["rtf", "RTF document", [0x7b, 0x5c, 0x72, 0x74, 0x66]],
  ["image", "PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["image", "JPEG image", [0xff, 0xd8, 0xff]],
  ["image", "GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["image", "TIFF image", [0x49, 0x49, 0x2a, 0x00]],
  ["image", "TIFF image", [0x4d, 0x4d, 0x00, 0x2a]],
  ["image", "BMP image", [0x42, 0x4d]],
  ["media", "RIFF media file (WebP, WAV, AVI)", [0x52, 0x49, 0x46, 0x46]],
  ["archive", "gzip archive", [0x1f, 0x8b]],
  ["archive", "7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf]],
  ["archive", "RAR archive", [0x52, 0x61, 0x72, 0x21]],
  ["archive", "xz archive", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["archive", "bzip2 archive", [0x42, 0x5a, 0x68]],
  ["executable", "ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
  ["executable", "Windows executable", [0x4d, 0x5a]],
];

/** The kind and a label of the bytes' format: `sniff(pngBytes)` → `{ kind: "image", label: "PNG image" }`. */
export function sniff(bytes: Uint8Array): { kind: Sniffed; label: string | null } {
  for (const [kind, label, magic] of MAGIC) {
    // a two- or three-byte magic that is also text ("BM", "MZ", "BZh") counts only before a control or high byte
    if (magic.length < 4 && magic[0]! < 0x80 && !(bytes[magic.length] !== undefined && (bytes[magic.length]! < 0x20 || bytes[magic.length]! >= 0x80) && kind !== "image")) {
      if (!(kind === "image" && bytes.length > 6 && bytes[2] !== undefined && bytes[5] === 0 && bytes[6] === 0 && magic.every((b, i) => bytes[i] === b))) continue;
    }
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return { kind, label };
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
