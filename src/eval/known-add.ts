import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { parseDocument, isSeq, YAMLMap } from "yaml";
import { ConfigError } from "../commands/args.js";
import { writeFileAtomic } from "../io/write.js";
import { KnownFileSchema } from "./known.js";

/** The entry `check --add` wrote, paths as in known.yaml. */
export interface AddedKnown {
  doc_id: string;
  text: string;
  expected: string;
}

/**
 * Adds a report to the known reports list, keeping the file's comments and order, its text path
 * relative to the project root (never copied): `addKnownReport("corpus/known.yaml", "../shared/corpus/x.txt")`.
 * Throws a ConfigError when the text does not exist or its doc_id is already known.
 */
export function addKnownReport(knownFile: string, textFile: string, note?: string): AddedKnown {
  if (!existsSync(textFile)) throw new ConfigError(`--add ${textFile}: no such file`);
  if (!existsSync(knownFile)) throw new ConfigError(`${knownFile}: no such file (the list of known reports)`);
  const doc = parseDocument(readFileSync(knownFile, "utf8"));
  if (doc.errors.length) throw new ConfigError(`${knownFile}: not valid YAML: ${doc.errors[0].message}`);
  const data = doc.toJS() as { root?: string; reports?: { doc_id: string }[] };
  const root = resolve(dirname(knownFile), data.root ?? "..");
  const text = relative(root, resolve(textFile)).split(sep).join("/");
  const doc_id = text.replace(/^.*\//, "").replace(/\.[^.]*$/, "");
  if (data.reports?.some((r) => r.doc_id === doc_id)) throw new ConfigError(`--add ${textFile}: ${doc_id} is already a known report (${knownFile})`);
  const expected = `corpus/expected/${doc_id}.jsonl`;
  const reports = doc.get("reports");
  if (!isSeq(reports)) throw new ConfigError(`${knownFile}: no reports list`);
  const entry = new YAMLMap();
  entry.set("doc_id", doc_id);
  entry.set("text", text);
  entry.set("expected", expected);
  if (note) entry.set("note", note);
  reports.items.push(entry);
  const check = KnownFileSchema.safeParse(doc.toJS());
  if (!check.success) throw new ConfigError(`--add ${textFile}: the entry would not be valid: ${check.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  writeFileAtomic(knownFile, doc.toString());
  return { doc_id, text, expected };
}
