import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The path of a system binary, or null (and a line on stderr saying why the tests using it are skipped). */
export function findBinary(label: string, candidates: readonly string[], install: string): string | null {
  for (const c of candidates) {
    if (c.startsWith("/") ? existsSync(c) : spawnSync("sh", ["-c", `command -v ${c}`]).status === 0) {
      return c.startsWith("/") ? c : spawnSync("sh", ["-c", `command -v ${c}`], { encoding: "utf8" }).stdout.trim();
    }
  }
  process.stderr.write(`[skip] ${label}: none of ${candidates.join(", ")} found; install with '${install}' to run these tests\n`);
  return null;
}
