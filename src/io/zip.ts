/**
 * The zip container of .docx and .odt, read from its central directory, and its parts inflated as a
 * stream with every byte counted: what a part says it inflates to can lie, so a part is never trusted
 * to stop where it says. A zip bomb is refused after at most the limit's bytes were inflated (and
 * dropped as they came), in about a second per 500 MB and a few MB of memory.
 */
import { createInflateRaw } from "node:zlib";
import { InputError, type InputErrorCode } from "./errors.js";
import { formatBytes } from "../limits.js";

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** What the archive declares; the inflated bytes are counted anyway. */
  readonly declaredSize: number;
  readonly localOffset: number;
}

/** The archive is not a zip zhibiao can read (the message says why). */
export class ZipFormatError extends Error {}

/** A part inflates past the limit it is read under. */
export class InflateLimitError extends Error {
  constructor(
    message: string,
    /** How many bytes had been inflated when it stopped. */
    readonly inflated: number,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, from its central directory: `zipEntries(bytes)` → [{ name: "word/document.xml", … }]. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a valid zip archive");
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (at + 56 > n || view.getUint32(at, true) !== EOCD64) throw new ZipFormatError("not a valid zip archive");
    count = Number(view.getBigUint64(at + 32, true));
    size = Number(view.getBigUint64(at + 40, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  // bytes put before the archive (a self-extracting stub) shift every offset: the directory ends where the EOCD starts
  let shift = 0;
  const expected = eocd - size;
  if (expected >= 0 && expected !== offset && (offset + 4 > n || view.getUint32(offset, true) !== CENTRAL) && view.getUint32(expected, true) === CENTRAL) shift = expected - offset;
  offset += shift;
  if (offset + size > n) throw new ZipFormatError("not a valid zip archive");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== CENTRAL) throw new ZipFormatError("not a valid zip archive");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let declaredSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength > n) throw new ZipFormatError("not a valid zip archive");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // zip64: the sizes and offset that do not fit in 32 bits are in the extra field 0x0001, in this order
    if (declaredSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = p + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          const next = () => {
            if (q + 8 > e + 4 + len) throw new ZipFormatError("not a valid zip archive");
            const v = Number(view.getBigUint64(q, true));
            q += 8;
            return v;
          };
          if (declaredSize === 0xffffffff) declaredSize = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method, flags, compressedSize, declaredSize, localOffset: localOffset + shift });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry (a view, not a copy). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`bad local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new ZipFormatError(`${entry.name} is truncated`);
  return bytes.subarray(start, end);
}

/** How many bytes a chunk of compressed input is fed to zlib in: small, so a bomb is stopped soon after its limit. */
const FEED = 64 * 1024;

/**
 * Inflates one entry as a stream, handing each chunk of inflated bytes to `onChunk` (and dropping it),
 * and stops with InflateLimitError as soon as more than `limit` bytes have come out, whatever the entry
 * declares: `await inflateEntry(bytes, entry, 16 * 2 ** 20, (b) => parser.write(b))` → bytes inflated.
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number, onChunk?: (chunk: Buffer) => void): Promise<number> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.byteLength > limit) throw new InflateLimitError(`${entry.name} is over the limit`, data.byteLength);
    onChunk?.(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return data.byteLength;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} is compressed with method ${entry.method}, which zhibiao does not read`);
  return new Promise<number>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: FEED });
    let total = 0;
    let done = false;
    const fail = (e: Error) => {
      if (done) return;
      done = true;
      z.destroy();
      reject(e);
    };
    z.on("data", (chunk: Buffer) => {
      if (done) return;
      total += chunk.byteLength;
      if (total > limit) return fail(new InflateLimitError(`${entry.name} inflates past the limit`, total));
      try {
        onChunk?.(chunk);
      } catch (e) {
        fail(e as Error);
      }
    });
    z.on("error", (e) => fail(new ZipFormatError(`${entry.name}: ${e.message}`)));
    z.on("end", () => {
      if (done) return;
      done = true;
      resolve(total);
    });
    // fed in small pieces, each after zlib has drained the last: the stream never holds much
    let at = 0;
    const feed = () => {
      while (!done && at < data.byteLength) {
        const piece = data.subarray(at, Math.min(data.byteLength, at + FEED));
        at += piece.byteLength;
        if (!z.write(piece)) {
          z.once("drain", feed);
          return;
        }
      }
      if (!done && at >= data.byteLength) z.end();
    };
    feed();
  });
}

/** Whether an entry is one of the XML parts a reader inflates (`.xml`, `.rels`). */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * Refuses a zip whose XML parts (`.xml`, `.rels`) inflate, all together, to more than `max` bytes: first
 * by what the archive declares, then by counting while inflating (dropping the bytes), so a lying
 * archive is stopped after `max` bytes. Throws InputError `inflated-too-large`, or `corrupt` (the
 * reader's code) when the archive cannot be read: `await checkInflatedXml(bytes, 16 * 2 ** 20, "corrupt-docx", ".docx")`.
 */
export async function checkInflatedXml(bytes: Uint8Array, max: number, corrupt: InputErrorCode, what: string): Promise<ZipEntry[]> {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new InputError(corrupt, `corrupt ${what} (${e.message})`);
    throw e;
  }
  const xml = entries.filter((e) => isXmlPart(e.name));
  const declared = xml.reduce((n, e) => n + e.declaredSize, 0);
  const how = `over the limit of ${formatBytes(max)} of XML (ZHIBIAO_MAX_XML_BYTES); not read`;
  if (declared > max) throw new InputError("inflated-too-large", `${what} inflates too much: its XML parts declare ${formatBytes(declared)}, ${how}`);
  let total = 0;
  for (const e of xml) {
    try {
      total += await inflateEntry(bytes, e, max - total);
    } catch (err) {
      if (err instanceof InflateLimitError) throw new InputError("inflated-too-large", `${what} inflates too much: its XML parts declare ${formatBytes(declared)} but inflate to more (${e.name} stopped at ${formatBytes(total + err.inflated)}), ${how}`);
      if (err instanceof ZipFormatError) throw new InputError(corrupt, `corrupt ${what} (${err.message})`);
      throw err;
    }
  }
  return entries;
}
