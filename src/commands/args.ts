import { parseArgs, type ParseArgsConfig } from "node:util";

/** Bad usage: the CLI prints the message and exits 1. */
export class UsageError extends Error {}

/** A configuration problem (bad rules, bad options): exit 1 before any input is read. */
export class ConfigError extends Error {
  readonly exitCode = 1;
}

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs with its errors turned into UsageError. */
export function parse(argv: string[], options: OptionSpec, allowPositionals = true): Parsed {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true }) as Parsed;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A string option's value (the last one when repeated). */
export function str(v: Parsed["values"][string]): string | undefined {
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === "string" ? v : undefined;
}

/** A repeatable string option's values. */
export function strs(v: Parsed["values"][string]): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}
