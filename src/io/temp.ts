/**
 * Temporary files that cannot be turned against the user: created exclusively (O_CREAT|O_EXCL, which
 * never follows a symlink planted at the name, nor opens a file already there), under a name with 48
 * random bits (unpredictable, so nothing can be planted for it in advance), and renamed into place.
 */
import { closeSync, constants, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";

/** 12 hex digits, new for each call: `randomTag()` → "9f3c0a1b2d4e". */
export function randomTag(): string {
  return randomBytes(6).toString("hex");
}

/** Opens a new file for writing (and reading, with `read`), refusing an existing file or symlink at the name (EEXIST). */
export function openExclusive(path: string, read = false): number {
  const { O_CREAT, O_EXCL, O_WRONLY, O_RDWR } = constants;
  const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
  return openSync(path, O_CREAT | O_EXCL | O_NOFOLLOW | (read ? O_RDWR : O_WRONLY), 0o644);
}

/** Writes all of a buffer or string at the file's position, each write checked. */
export function writeAll(fd: number, data: string | Uint8Array): number {
  const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let off = 0;
  while (off < buf.length) {
    const n = writeSync(fd, buf, off, Math.min(buf.length - off, 1 << 30));
    if (!(n > 0)) throw new Error(`write returned ${n} with ${buf.length - off} bytes left`);
    off += n;
  }
  return buf.length;
}

/** Writes a file through an exclusive temporary next to it and a rename. */
export function writeViaTemp(dir: string, name: string, finalPath: string, data: string | Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${dir}/.${name}.${process.pid}.${randomTag()}.tmp`;
  const fd = openExclusive(tmp);
  try {
    writeAll(fd, data);
    closeSync(fd);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // closed
    }
    unlinkSync(tmp);
    throw e;
  }
  try {
    renameSync(tmp, finalPath);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
}
