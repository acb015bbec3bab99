import { dirname, basename } from "node:path";
import { writeViaTemp } from "./temp.js";

/**
 * Writes a file through a temporary name and a rename, so a reader never sees half a file; the
 * temporary is created exclusively under an unpredictable name (never through a planted symlink).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeViaTemp(dirname(path), basename(path), path, data);
}
