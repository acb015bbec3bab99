import type { Command } from "./types.js";

/** A command's module is imported only when it runs (cold start: exceljs, playwright-free paths). */
interface Entry {
  summary: string;
  load: () => Promise<Command>;
}

/** Every command of the CLI, by name, loaded on demand. */
export const COMMANDS: Record<string, Entry> = {
  extract: { summary: "extract metric records from reports into CSV/JSONL/XLSX datasets", load: async () => (await import("./extract.js")).extractCommand },
  explain: { summary: "show the rules, captures and refiner steps behind each figure of a text", load: async () => (await import("./explain.js")).explainCommand },
  rules: { summary: "rules lint: validate rule files and run their examples", load: async () => (await import("./rules.js")).rulesCommand },
  check: { summary: "compare the records of the known reports with their reviewed expected records", load: async () => (await import("./check.js")).checkCommand },
  score: { summary: "score records against hand annotations (precision, recall, F1, field accuracy)", load: async () => (await import("./score.js")).scoreCommand },
  report: { summary: "write report.html, a page to review the figures found in reports", load: async () => (await import("./report.js")).reportCommand },
  review: { summary: "lint a review file of the review page, or write it as gold annotations", load: async () => (await import("./review.js")).reviewCommand },
  panel: { summary: "join the headline panels of many reports: attainment, levels, a wide table, charts", load: async () => (await import("./panel.js")).panelCommand },
  schema: { summary: "print the JSON Schema of a record (or the codebook with --markdown)", load: async () => (await import("./schema.js")).schemaCommand },
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
