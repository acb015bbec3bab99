import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ATTAINMENT_COLUMNS, JOINED_PANEL_COLUMNS, LEVEL_COLUMNS, WIDE_KEY_COLUMNS } from "../../src/model/join.js";
import { panelCommand } from "../../src/commands/panel.js";

const DOC = readFileSync(join(import.meta.dirname, "../../docs/panel.md"), "utf8");

describe("docs/panel.md", () => {
  it("describes every column of every table", () => {
    for (const c of [...JOINED_PANEL_COLUMNS, ...ATTAINMENT_COLUMNS, ...LEVEL_COLUMNS, ...WIDE_KEY_COLUMNS, "notes"]) expect(DOC).toContain(`| \`${c}\` |`);
  });

  it("lists every option of the command", () => {
    for (const option of panelCommand.help.match(/^ {2}--[a-z-]+/gm) ?? []) expect(DOC).toContain(option.trim());
  });
});
