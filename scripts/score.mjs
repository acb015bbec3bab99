#!/usr/bin/env node
// The quality gate: extracts every text of ../shared/seeds and ../shared/corpus with the built CLI, scores
// the records with the official ../shared/eval/score.mjs against ../shared/gold and prints its table,
// then the headline panel (panel.jsonl) with ../shared/eval/panel-score.mjs against ../shared/gold/panel
// (and, when `zhibiao panel` exists, attainment and levels built from it).
//
//   npm run score                      the table
//   npm run score -- --errors          the table, then every miss, extra and wrong field
//   npm run score -- --gate            the table, then exit 1 naming each figure under its floor
//                                      (quality/floors.json: doc id or TOTAL → metric → minimum, 0–1;
//                                      quality/panel-floors.json: panel, attainment, levels → metric → minimum)
//   npm run score -- --keep <dir>      keep the extracted records in <dir> (default: a temporary folder)
//   npm run score -- --gate --floors <file>   gate on other floors than quality/floors.json
//
// Needs the build (npm run build): it runs dist/cli.js as a user would.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "..", "shared");
const seeds = join(shared, "seeds");
const corpus = join(shared, "corpus");
const gold = join(shared, "gold");
const scorer = join(shared, "eval", "score.mjs");
const panelScorer = join(shared, "eval", "panel-score.mjs");
const panelGold = join(gold, "panel");
const panelFloorsFile = join(root, "quality", "panel-floors.json");
const cli = join(root, "dist", "cli.js");

/** The temporary records folder, removed on every way out. */
let tempOut = null;

const { values: opts } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: { gate: { type: "boolean" }, errors: { type: "boolean" }, keep: { type: "string" }, floors: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    fail(`${e.message} (use --gate, --errors, --keep <dir>, --floors <file>)`);
  }
})();
const gate = opts.gate === true;
const errors = opts.errors === true;
const keep = opts.keep ?? null;
const floorsFile = resolve(opts.floors ?? join(root, "quality", "floors.json"));
const floorsName = relative(process.cwd(), floorsFile) || floorsFile;
if (gate && !existsSync(floorsFile)) fail(`the floors file is missing: ${floorsFile}`);

for (const [what, p] of [["the build", cli], ["the official scorer", scorer], ["the gold folder", gold], ["the seeds folder", seeds], ["the corpus folder", corpus]]) {
  if (!existsSync(p)) fail(`${what} is missing: ${p}${p === cli ? " (run npm run build first)" : ""}`);
}

// The floors are read before the long extraction, so a bad floors file fails at once.
const floorsLib = gate ? await import(pathToFileURL(join(root, "dist", "eval", "floors.js")).href) : null;
let floors = null;
if (floorsLib) {
  try {
    floors = floorsLib.loadFloors(floorsFile);
  } catch (e) {
    fail(e.message);
  }
}

const out = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "zhibiao-score-"));
if (!keep) tempOut = out;
try {
  // with the researcher's table of the texts that start at 各位代表 (region, level, year), as a user would
  const manifest = join(corpus, "manifest.csv");
  const ex = run(process.execPath, [cli, "extract", seeds, corpus, "--out", out, "--quiet", ...(existsSync(manifest) ? ["--meta", manifest] : [])]);
  if (ex.status !== 0) fail(`extraction failed (exit ${ex.status}):\n${ex.stderr}`);
  const pred = join(out, "records.jsonl");
  const base = [scorer, "--gold", gold, "--text", seeds, "--text", corpus, "--pred", pred];
  const table = run(process.execPath, [...base, ...(errors ? ["--errors"] : [])]);
  if (table.status !== 0) fail(`score.mjs failed (exit ${table.status}):\n${table.stderr}`);
  process.stdout.write(table.stdout);
  // The headline panel, and attainment and levels across the reports when `zhibiao panel` is there.
  let panelScore = null;
  if (existsSync(panelScorer) && existsSync(join(out, "panel.jsonl"))) {
    const joined = join(out, "joined");
    const hasJoin = run(process.execPath, [cli, "panel", "--help"]).status === 0;
    const joinOk = hasJoin && run(process.execPath, [cli, "panel", out, "--out", joined, "--quiet"]).status === 0;
    const extra = joinOk ? ["--attainment", join(joined, "attainment.jsonl"), "--levels", join(joined, "levels.jsonl"), "--parents", join(panelGold, "parents.json")] : [];
    const pbase = [panelScorer, "--gold", panelGold, "--pred", join(out, "panel.jsonl"), ...extra];
    const ptable = run(process.execPath, [...pbase, ...(errors ? ["--errors"] : [])]);
    if (ptable.status !== 0) fail(`panel-score.mjs failed (exit ${ptable.status}):\n${ptable.stderr}`);
    process.stdout.write(`\n-- headline panel against ${relative(root, panelGold) || panelGold}\n${ptable.stdout}`);
    const pjson = run(process.execPath, [...pbase, "--json"]);
    if (pjson.status !== 0) fail(`panel-score.mjs --json failed (exit ${pjson.status}):\n${pjson.stderr}`);
    panelScore = JSON.parse(pjson.stdout);
  }
  if (gate) {
    const json = run(process.execPath, [...base, "--json"]);
    if (json.status !== 0) fail(`score.mjs --json failed (exit ${json.status}):\n${json.stderr}`);
    const failures = floorsLib.formatFloorFailures(floorsLib.checkFloors(JSON.parse(json.stdout), floors)).split("\n").filter(Boolean);
    if (existsSync(panelFloorsFile)) {
      const panelLib = await import(pathToFileURL(join(root, "dist", "eval", "panel-floors.js")).href);
      const pf = panelLib.loadPanelFloors(panelFloorsFile);
      failures.push(...(panelScore ? panelLib.checkPanelFloors(panelScore, pf) : ["panel: not scored (no panel.jsonl or no panel-score.mjs)"]));
    }
    if (failures.length) {
      process.stderr.write(`\nquality gate FAILED: ${failures.length} figure${failures.length > 1 ? "s" : ""} under the floors of ${floorsName} and quality/panel-floors.json\n${failures.join("\n")}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`\nquality gate passed: every figure at or above the floors of ${floorsName}${existsSync(panelFloorsFile) ? " and quality/panel-floors.json" : ""}\n`);
    }
  }
} finally {
  removeTemp();
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) fail(`${args[0]}: ${r.error.message}`);
  return r;
}

function removeTemp() {
  if (tempOut) rmSync(tempOut, { recursive: true, force: true });
  tempOut = null;
}

function fail(message) {
  removeTemp();
  process.stderr.write(`npm run score: ${message}\n`);
  process.exit(1);
}
