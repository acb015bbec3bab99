import type { Command } from "./types.js";
import { parse, UsageError } from "./args.js";
import { recordJsonSchema } from "../export/codebook.js";
import { codebookMarkdown } from "../export/codebook-markdown.js";

const HELP = `Usage: zhibiao schema [--markdown]

Prints the JSON Schema (draft 2020-12) of one record — one line of records.jsonl, one row of
records.csv — generated from the record schema that zhibiao itself validates against.

Options:
  --markdown   print the codebook (docs/codebook.md) instead: every column with its Chinese name,
               type, meaning, allowed values and an example
  -h, --help   this help
`;

export const schemaCommand: Command = {
  summary: "print the JSON Schema of a record (or the codebook with --markdown)",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv, { markdown: { type: "boolean" } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    process.stdout.write(values.markdown ? codebookMarkdown() : `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
