import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { ZodType } from "zod";

/** A problem in a rule or lexicon file: the CLI prints `file:line: rule <id>: message`. */
export interface RuleProblem {
  file: string;
  line: number | null;
  rule: string | null;
  message: string;
}

/** `rules/change.yaml:12: rule change-after-verb: pattern: unknown fragment {FOO}` */
export function formatProblem(p: RuleProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.rule ? `${p.rule.startsWith("indicator ") ? "" : "rule "}${p.rule}: ` : ""}${p.message}`;
}

export interface ParsedYaml<T> {
  value: T | null;
  problems: RuleProblem[];
  /** Line (1-based) of the node at a path, e.g. ["rules", 3, "pattern"]. */
  lineOf(path: (string | number)[]): number | null;
}

/** Reads a YAML file and validates it against a zod schema, with line numbers for every problem. */
export function readYaml<T>(file: string, schema: ZodType<T>, display = file): ParsedYaml<T> {
  const lineCounter = new LineCounter();
  let doc: Document;
  let text = "";
  try {
    text = readFileSync(file, "utf8");
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return { value: null, problems: [{ file: display, line: null, rule: null, message: `cannot read: ${(e as Error).message}` }], lineOf: () => null };
  }
  const lineOf = (path: (string | number)[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  if (doc.errors.length) {
    return {
      value: null,
      problems: doc.errors.map((e) => ({
        file: display,
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        rule: null,
        message: `malformed YAML: ${e.message.split("\n")[0]}`,
      })),
      lineOf,
    };
  }
  let js: unknown;
  try {
    // an alias bomb (aliases of aliases, "billion laughs") is refused past 100 alias expansions
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const alias = /(^|[\s\[{,:-])\*[^\s,\]}]+/m.exec(text);
    const line = alias ? lineCounter.linePos(alias.index + alias[1]!.length).line : null;
    return { value: null, problems: [{ file: display, line, rule: null, message: `refused: ${(e as Error).message.split("\n")[0]} (YAML aliases expand too much)` }], lineOf };
  }
  const parsed = schema.safeParse(js);
  if (!parsed.success) {
    const data = js as Record<string, { id?: unknown; code?: unknown }[] | undefined> | null;
    return {
      value: null,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
        // the id of the rule (rules[i].id) or the code of the indicator (indicators[i].code) the problem is in
        const list = typeof path[0] === "string" ? data?.[path[0]] : undefined;
        const entry = Array.isArray(list) && typeof path[1] === "number" ? list[path[1]] : undefined;
        const id = path[0] === "indicators" ? (typeof entry?.code === "string" ? `indicator ${entry.code}` : null) : entry?.id;
        const where = path.join(".") || "(file)";
        const keys = "keys" in issue && Array.isArray(issue.keys) ? ` ${issue.keys.join(", ")}` : "";
        return { file: display, line: lineOf(path), rule: typeof id === "string" ? id : null, message: `${where}: ${issue.message}${keys}` };
      }),
      lineOf,
    };
  }
  return { value: parsed.data, problems: [], lineOf };
}
