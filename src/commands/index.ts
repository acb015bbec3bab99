import type { Command } from "./types.js";
import { extractCommand } from "./extract.js";
import { checkCommand } from "./check.js";
import { scoreCommand } from "./score.js";
import { schemaCommand } from "./schema.js";
import { reportCommand } from "./report.js";
import { rulesCommand } from "./rules.js";
import { explainCommand } from "./explain.js";

/** Every command of the CLI, by name. */
export const COMMANDS: Record<string, Command> = {
  extract: extractCommand,
  check: checkCommand,
  score: scoreCommand,
  schema: schemaCommand,
  report: reportCommand,
  explain: explainCommand,
  rules: rulesCommand,
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`);
  return `zhibiao — figures from Chinese government work reports, as research data

Usage: zhibiao <command> [options]

Commands:
${lines.join("\n")}

Run 'zhibiao <command> --help' for a command's options.
Exit codes: 0 success, 1 bad usage or configuration, 2 some inputs failed (the others are written).
`;
}
