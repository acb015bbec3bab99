import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The project root and the shared folder beside it. */
export const ROOT = resolve(import.meta.dirname, "..", "..");
export const SHARED = resolve(ROOT, "..", "shared");
export const CLI = join(ROOT, "dist", "cli.js");

/**
 * Builds dist/ when a source is newer than dist/cli.js (the tests run the CLI as a user would); skipped
 * after `npm run build`, so test files running side by side do not rewrite dist/ under each other.
 */
export function build(): void {
  if (existsSync(CLI) && newestMtime(join(ROOT, "src")) <= statSync(CLI).mtimeMs) return;
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", ROOT], { encoding: "utf8" });
  if (!existsSync(CLI)) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

/** Runs a node script, returning its exit code and output. */
export function node(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the built CLI. */
export function zhibiao(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  return node([CLI, ...args], cwd);
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `zhibiao-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}
