import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { joinPanel } from "../../src/join/join.js";
import { panelDirection } from "../../src/join/direction.js";
import { zhibiao } from "../batch/cli.js";
import { GOLD_PANEL, goldPanelRows, goldParents, tempDir, writeOutput } from "./helpers.js";

const SCORER = join(import.meta.dirname, "../../../shared/eval/panel-score.mjs");

interface Scores {
  attainment: { gold: number; pred: number; F1: number; valuesRight: number; gapRight: number; metRight: number };
  levels: { gold: number; pred: number; F1: number; valuesRight: number; differenceRight: number };
  panel: { total: { F1: number; strictF1: number } };
}

/** The official scorer on a folder holding panel.jsonl, attainment.jsonl and levels.jsonl. */
function score(dir: string): { scores: Scores; text: string } {
  const args = [SCORER, "--gold", GOLD_PANEL, "--pred", join(dir, "panel.jsonl"), "--attainment", join(dir, "attainment.jsonl"), "--levels", join(dir, "levels.jsonl"), "--parents", join(GOLD_PANEL, "parents.json")];
  const json = spawnSync(process.execPath, [...args, "--json"], { encoding: "utf8" });
  const text = spawnSync(process.execPath, [...args, "--errors"], { encoding: "utf8" });
  if (json.status !== 0) throw new Error(json.stderr);
  return { scores: JSON.parse(json.stdout) as Scores, text: text.stdout };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function expectPerfect(s: Scores): void {
  expect(s.panel.total.F1).toBe(1);
  expect(s.panel.total.strictF1).toBe(1);
  expect(s.attainment.gold).toBeGreaterThan(0);
  expect(s.attainment.F1).toBe(1);
  expect(s.attainment.valuesRight).toBe(1);
  expect(s.attainment.gapRight).toBe(1);
  expect(s.attainment.metRight).toBe(1);
  expect(s.levels.gold).toBeGreaterThan(0);
  expect(s.levels.F1).toBe(1);
  expect(s.levels.valuesRight).toBe(1);
  expect(s.levels.differenceRight).toBe(1);
}

describe("the join on the gold panel, scored by shared/eval/panel-score.mjs", () => {
  it("the functions: attainment F1 = 1 and levels F1 = 1", () => {
    const dir = tempDir();
    dirs.push(dir);
    const parents = goldParents();
    const result = joinPanel(goldPanelRows(), { directionOf: panelDirection, parentOf: (c) => parents.get(c) ?? null });
    const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
    writeFileSync(join(dir, "panel.jsonl"), jsonl(result.panel));
    writeFileSync(join(dir, "attainment.jsonl"), jsonl(result.attainment));
    writeFileSync(join(dir, "levels.jsonl"), jsonl(result.levels));
    const { scores, text } = score(dir);
    expectPerfect(scores);
    expect(text).not.toMatch(/^(LEVELS |ATTAINMENT )?(EXTRA|MISS|WRONG)/m);
  });

  it("the CLI, from one extract output folder per report, with --parents: attainment F1 = 1 and levels F1 = 1", async () => {
    const root = tempDir();
    dirs.push(root);
    const rows = goldPanelRows();
    const folders = [...new Set(rows.map((r) => r.doc_id))].map((doc) => writeOutput(join(root, doc), rows.filter((r) => r.doc_id === doc)));
    writeFileSync(join(root, "parents.json"), JSON.stringify(Object.fromEntries(goldParents())));
    const out = join(root, "joined");
    const run = await zhibiao(["panel", ...folders, "--out", out, "--parents", join(root, "parents.json")]);
    expect(run.stderr).toMatch(new RegExp(`^zhibiao panel: ${folders.length} reports, ${rows.length} cells, \\d+ attainment pairs, \\d+ level pairs → `, "m"));
    expect(run.code).toBe(0);
    const { scores, text } = score(out);
    process.stdout.write(`panel-score on the gold-derived panel (CLI):\n${text}`);
    expectPerfect(scores);
  });

  it("the CLI with no parents file (parents read from the codes, the next level up only): attainment F1 = 1 and levels F1 = 1", async () => {
    const root = tempDir();
    dirs.push(root);
    const rows = goldPanelRows();
    // all reports in one extract output, as 'zhibiao extract corpus --out X' would write them
    const input = writeOutput(join(root, "extract"), rows);
    const out = join(root, "joined");
    const run = await zhibiao(["panel", input, "--out", out, "--quiet"]);
    expect(run.code).toBe(0);
    expectPerfect(score(out).scores);
  });
});
