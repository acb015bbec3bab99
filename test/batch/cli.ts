import { spawn, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = `${ROOT}dist/cli.js`;

/** dist/ is built once by test/global-setup.ts before any test file runs; this only checks it is there. */
export function build(): void {
  if (!existsSync(CLI) || !existsSync(`${ROOT}dist/batch/worker.js`)) throw new Error("build failed: dist/cli.js or dist/batch/worker.js missing");
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI: `await zhibiao(["extract", "a.txt", "--out", "o"])`. */
export function zhibiao(args: string[], opts: SpawnOptions & { input?: string | Buffer } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, ...opts, env: { ...process.env, ...opts.env } });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(opts.input ?? "");
  });
}
