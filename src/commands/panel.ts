import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { z } from "zod";
import type { Command } from "./types.js";
import { ConfigError, parse, str, UsageError } from "./args.js";
import { ATTAINMENT_COLUMNS, JOINED_PANEL_COLUMNS, LEVEL_COLUMNS } from "../model/join.js";
import { readOutputs } from "../join/read-outputs.js";
import { joinPanel } from "../join/join.js";
import { joinCatalogue, panelCatalogue, type JoinCatalogue } from "../join/catalogue.js";
import { parentByCodeStructure } from "../join/parent-code.js";
import { parentCode, regionByCode } from "../regions/index.js";
import type { ParentOf } from "../join/levels.js";
import { csvChunks, jsonlChunks, StagedFiles, type Table } from "../export/panel-files.js";

const HELP = `Usage: zhibiao panel <extract output folders...> --out <dir> [options]

Joins the headline panels of many reports (the --out folders of 'zhibiao extract': documents.jsonl
and panel.jsonl) into research tables. Reads only what extract wrote, never the source texts.

Writes in <dir>:
  panel.csv, panel.jsonl       every report's panel rows together, sorted by region_code, period,
                               doc_id, indicator_code, status; two reports of one region and year
                               giving the same cell are both kept and flagged (duplicate_of)
  attainment.csv, .jsonl       each target beside the actual the first later report of the same
                               region gives for the same period: gap and met (by the indicator's
                               direction: up, cap, down)
  levels.csv, .jsonl           each target beside the parent region's target for the same indicator
                               and period, from the parent's report of the same year
  panel_wide.csv               one row per region × period, a <code>_target and <code>_actual column
                               per indicator
  panel.xlsx                   sheets panel, attainment, levels, wide and codebook
  panel.html                   charts: target and actual over the years per region and indicator,
                               regions' targets beside their parents'; the attainment table
                               (self-contained, opens from file://)
See docs/panel.md for every column and how pairs are built.

Options:
  --out <dir>          output folder (required; not one of the input folders)
  --parents <file>     a JSON object of region code → parent code (or null: no parent), used before
                       the regions module for the codes it names: {"440308": "440300"}
  --nearest-ancestor   levels: when the parent region has no report in the outputs at all, compare
                       with the nearest ancestor that has one (海拉尔区 → 内蒙古 or the nation when
                       呼伦贝尔市 has none); by default only the next level up, as PANEL.md pairs them
  --title <text>       title of panel.html
  --max-charts <n>     draw at most n region × indicator charts in panel.html (default 400)
  --quiet              no summary on stderr
  -h, --help           this help

Exit codes: 0 success; 1 bad usage, or a folder that is not an extract output of this version
(nothing is written); 2 some reports had failed in extract (the others are joined and written).
`;

const ParentsFileSchema = z.record(z.string(), z.string().nullable());

/** --parents <file>: a code → parent code map, checked. */
function readParents(file: string): Map<string, string | null> {
  if (!existsSync(file)) throw new UsageError(`--parents ${file}: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new ConfigError(`--parents ${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = ParentsFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`--parents ${file}: must be an object of region code → parent code or null`);
  return new Map(Object.entries(parsed.data));
}

/**
 * A region code's parent: the regions module's (src/regions/), and for a code it does not know, the
 * one read from the code's structure (a town's 9 digits → its county …): `regionParent("440308")` → "440300".
 */
function regionParent(code: string): string | null {
  const known = parentCode(code);
  if (known !== null || regionByCode(code) !== null) return known;
  return parentByCodeStructure(code);
}

/** The join's directions and code order: the indicator catalogue of rules/indicators, PANEL.md's lists for what it lacks. */
async function loadJoinCatalogue(warn: (m: string) => void): Promise<JoinCatalogue> {
  const { BUILTIN_RULES_DIR } = await import("../rules/load.js");
  const { loadCatalogue } = await import("../name/catalogue.js");
  const { catalogue, problems } = loadCatalogue([BUILTIN_RULES_DIR], (f) => relative(process.cwd(), f) || f);
  if (problems.length) warn(`the indicator catalogue has ${problems.length} problem${problems.length === 1 ? "" : "s"} (see 'zhibiao rules lint'); codes it lacks take PANEL.md's directions`);
  return catalogue.byCode.size ? joinCatalogue(catalogue) : panelCatalogue();
}

export const panelCommand: Command = {
  summary: "join the headline panels of many reports: attainment, levels, a wide table, charts",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      out: { type: "string" },
      parents: { type: "string" },
      "nearest-ancestor": { type: "boolean" },
      title: { type: "string" },
      "max-charts": { type: "string" },
      quiet: { type: "boolean" },
    });
    if (!positionals.length) throw new UsageError("no extract output folder given");
    const out = str(values.out);
    if (!out) throw new UsageError("--out <dir> is required");
    if (positionals.some((p) => resolve(p) === resolve(out))) throw new UsageError(`--out ${out} is one of the input folders; write the join to another folder`);
    if (existsSync(join(out, "documents.jsonl"))) throw new UsageError(`--out ${out} is an extract output (it holds documents.jsonl); write the join to another folder`);
    const maxChartsText = str(values["max-charts"]);
    const maxCharts = maxChartsText === undefined ? 400 : Number(maxChartsText);
    if (!Number.isInteger(maxCharts) || maxCharts < 0) throw new UsageError(`--max-charts ${maxChartsText}: not a whole number`);
    const quiet = values.quiet === true;
    const warn = (m: string) => {
      if (!quiet) process.stderr.write(`zhibiao panel: ${m}\n`);
    };
    const given = str(values.parents) === undefined ? new Map<string, string | null>() : readParents(str(values.parents) as string);

    const catalogue = await loadJoinCatalogue(warn);
    const parentOf: ParentOf = (code) => (given.has(code) ? (given.get(code) ?? null) : regionParent(code));

    const input = await readOutputs(positionals);
    const result = joinPanel(input.rows, { directionOf: catalogue.directionOf, parentOf, order: catalogue.order, immediateParent: values["nearest-ancestor"] !== true });

    const names = new Map<string, string>();
    for (const r of result.panel) if (r.indicator_name && !names.has(r.indicator_code)) names.set(r.indicator_code, r.indicator_name);
    const tables: Record<string, Table> = {
      panel: { columns: JOINED_PANEL_COLUMNS, rows: result.panel },
      attainment: { columns: ATTAINMENT_COLUMNS, rows: result.attainment },
      levels: { columns: LEVEL_COLUMNS, rows: result.levels },
      wide: { columns: result.wide.columns, rows: result.wide.rows },
    };
    const staged = new StagedFiles(out);
    try {
      for (const name of ["panel", "attainment", "levels"] as const) {
        staged.writeChunks(`${name}.csv`, csvChunks(tables[name] as Table));
        staged.writeChunks(`${name}.jsonl`, jsonlChunks(tables[name] as Table));
      }
      staged.writeChunks("panel_wide.csv", csvChunks(tables.wide as Table));
      const { panelCodebook } = await import("../export/panel-codebook.js");
      const { writePanelXlsx } = await import("../export/panel-xlsx.js");
      const valueColumns = result.wide.columns.filter((c) => /_(target|actual)$/.test(c));
      const sheets = (["panel", "attainment", "levels", "wide"] as const).map((name) => ({ name, ...(tables[name] as Table) }));
      const cut = await writePanelXlsx(staged.stage("panel.xlsx"), sheets, panelCodebook(valueColumns, names, result.wide.units));
      for (const sheet of cut) warn(`panel.xlsx: the ${sheet} sheet is cut at Excel's 1,048,575 rows; the CSV has them all`);
      const { buildPanelHtml } = await import("../export/panel-html.js");
      staged.writeChunks("panel.html", [buildPanelHtml(result, { title: str(values.title), maxCharts })]);
      staged.commit();
    } catch (e) {
      staged.abort();
      throw e;
    }

    for (const s of input.skipped) warn(`${s.folder}: ${s.doc_id} is the same text as ${s.same_as}; counted once`);
    for (const f of input.failed) warn(`${f.folder}: ${f.doc_id} failed in extract${f.errors.length ? ` (${f.errors[0]})` : ""}; it has no panel rows`);
    if (!quiet) {
      process.stderr.write(
        `zhibiao panel: ${input.reports} reports, ${result.panel.length} cells, ${result.attainment.length} attainment pairs, ${result.levels.length} level pairs → ${out}\n`,
      );
    }
    return input.failed.length ? 2 : 0;
  },
};
