import { closeSync, openSync, writeSync } from "node:fs";
import { once } from "node:events";
import zlib from "node:zlib";

/** DOS date 1980-01-01 00:00:00 on every entry: same content → same bytes (as `fixZipTimes` does). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 3: sizes and CRC follow the data (a data descriptor); bit 11: the name is UTF-8. */
const FLAGS = (1 << 3) | (1 << 11);

let table: Uint32Array | null = null;

/** CRC-32 of a buffer continuing `crc` (zlib's own on Node ≥ 20.15, a table otherwise): `crc32(Buffer.from("a"))` → 0xe8b7be43. */
export function crc32(data: Uint8Array, crc = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, crc);
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/**
 * A zip file written entry by entry, each deflated as its text comes, so memory holds one chunk, not
 * the file (sizes and CRC go in a data descriptor after each entry); fixed timestamps. No zip64: an
 * entry or the file must stay under 4 GiB.
 * `const z = new ZipWriter("a.zip"); await z.add("a.txt", ["hello"]); z.finish()`.
 */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Entry[] = [];

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  private write(buf: Uint8Array): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    this.offset += buf.length;
  }

  /** Adds one entry from text (UTF-8) or byte chunks. */
  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const entry: Entry = { name: Buffer.from(name, "utf8"), offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(FLAGS, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt16LE(entry.name.length, 26);
    this.write(head);
    this.write(entry.name);
    const deflate = zlib.createDeflateRaw({ level: 1 });
    deflate.on("data", (d: Buffer) => {
      this.write(d);
      entry.compressed += d.length;
    });
    const ended = once(deflate, "end");
    for (const chunk of chunks) {
      const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (!buf.length) continue;
      entry.crc = crc32(buf, entry.crc);
      entry.size += buf.length;
      if (!deflate.write(buf)) await once(deflate, "drain");
    }
    deflate.end();
    await ended;
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(entry.crc >>> 0, 4);
    desc.writeUInt32LE(entry.compressed, 8);
    desc.writeUInt32LE(entry.size, 12);
    this.write(desc);
    this.entries.push(entry);
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(FLAGS, 8);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt16LE(DOS_TIME, 12);
      cd.writeUInt16LE(DOS_DATE, 14);
      cd.writeUInt32LE(e.crc >>> 0, 16);
      cd.writeUInt32LE(e.compressed, 20);
      cd.writeUInt32LE(e.size, 24);
      cd.writeUInt16LE(e.name.length, 28);
      cd.writeUInt32LE(e.offset, 42);
      this.write(cd);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }

  /** Closes the file without finishing it (the caller removes it). */
  abort(): void {
    closeSync(this.fd);
  }
}
