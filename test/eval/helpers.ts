import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The project root and the shared folder beside it. */
export const ROOT = resolve(import.meta.dirname, "..", "..");
export const SHARED = resolve(ROOT, "..", "shared");
export const CLI = join(ROOT, "dist", "cli.js");

/** dist/ is built once by test/global-setup.ts before any test file runs; this only checks it is there. */
export function build(): void {
  if (!existsSync(CLI)) throw new Error("dist/cli.js missing: test/global-setup.ts builds it before the tests");
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
