#!/usr/bin/env node
// The quality gate: extracts every text of ../shared/seeds and ../shared/corpus with the built CLI, scores
// the records with the official ../shared/eval/score.mjs against ../shared/gold and prints its table.
//
//   npm run score                      the table
//   npm run score -- --errors          the table, then every miss, extra and wrong field
//   npm run score -- --gate            the table, then exit 1 naming each figure under its floor
//                                      (quality/floors.json: doc id or TOTAL → metric → minimum, 0–1)
//   npm run score -- --keep <dir>      keep the extracted records in <dir> (default: a temporary folder)
//
// Needs the build (npm run build): it runs dist/cli.js as a user would.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "..", "shared");
const seeds = join(shared, "seeds");
const corpus = join(shared, "corpus");
const gold = join(shared, "gold");
const scorer = join(shared, "eval", "score.mjs");
const cli = join(root, "dist", "cli.js");
const floorsFile = join(root, "quality", "floors.json");

const argv = process.argv.slice(2);
const gate = argv.includes("--gate");
const errors = argv.includes("--errors");
const keepAt = argv.indexOf("--keep");
const keep = keepAt >= 0 ? argv[keepAt + 1] : null;
const known = new Set(["--gate", "--errors", "--keep"]);
for (const [i, a] of argv.entries()) {
  if (!known.has(a) && !(keepAt >= 0 && i === keepAt + 1)) fail(`unknown argument ${a} (use --gate, --errors, --keep <dir>)`);
}
if (keepAt >= 0 && !keep) fail("--keep needs a folder");

for (const [what, p] of [["the build", cli], ["the official scorer", scorer], ["the gold folder", gold], ["the seeds folder", seeds], ["the corpus folder", corpus]]) {
  if (!existsSync(p)) fail(`${what} is missing: ${p}${p === cli ? " (run npm run build first)" : ""}`);
}

const out = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "zhibiao-score-"));
try {
  const ex = run(process.execPath, [cli, "extract", seeds, corpus, "--out", out, "--quiet"]);
  if (ex.status !== 0) fail(`extraction failed (exit ${ex.status}):\n${ex.stderr}`);
  const pred = join(out, "records.jsonl");
  const base = [scorer, "--gold", gold, "--text", seeds, "--text", corpus, "--pred", pred];
  const table = run(process.execPath, [...base, ...(errors ? ["--errors"] : [])]);
  if (table.status !== 0) fail(`score.mjs failed (exit ${table.status}):\n${table.stderr}`);
  process.stdout.write(table.stdout);
  if (gate) {
    const json = run(process.execPath, [...base, "--json"]);
    if (json.status !== 0) fail(`score.mjs --json failed (exit ${json.status}):\n${json.stderr}`);
    const { loadFloors, checkFloors, formatFloorFailures } = await import(pathToFileURL(join(root, "dist", "eval", "floors.js")).href);
    const failures = checkFloors(JSON.parse(json.stdout), loadFloors(floorsFile));
    if (failures.length) {
      process.stderr.write(`\nquality gate FAILED: ${failures.length} figure${failures.length > 1 ? "s" : ""} under the floors of quality/floors.json\n${formatFloorFailures(failures)}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write("\nquality gate passed: every figure at or above quality/floors.json\n");
    }
  }
} finally {
  if (!keep) rmSync(out, { recursive: true, force: true });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) fail(`${args[0]}: ${r.error.message}`);
  return r;
}

function fail(message) {
  process.stderr.write(`npm run score: ${message}\n`);
  process.exit(1);
}
