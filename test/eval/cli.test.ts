import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type YAMLMap } from "yaml";
import { expectedJsonl, readExpected, type StoredRecord } from "../../src/eval/expected.js";
import { KINDS, RECORD_COLUMNS } from "../../src/model/record.js";
import { ROOT, SHARED, build, node, tempDir, zhibiao } from "./helpers.js";

const SEED = "000_a856141411780175";
const GOLD = join(SHARED, "gold");
const TEXTS = [join(SHARED, "seeds"), join(SHARED, "corpus")];

beforeAll(build);
const tmp = tempDir("cli");
afterAll(tmp.cleanup);

/** A small project: texts/<id>.txt copied from the shared reports, corpus/known.yaml listing them. */
function project(name: string, reports: { id: string; text?: string }[]): string {
  const root = join(tmp.dir, name);
  mkdirSync(join(root, "corpus", "expected"), { recursive: true });
  mkdirSync(join(root, "texts"), { recursive: true });
  const lines = ["reports:"];
  for (const r of reports) {
    const src = TEXTS.map((d) => join(d, `${r.id}.txt`)).find(existsSync);
    if (src && !r.text) cpSync(src, join(root, "texts", `${r.id}.txt`));
    lines.push(`  - doc_id: ${r.id}`, `    text: ${r.text ?? `texts/${r.id}.txt`}`);
  }
  writeFileSync(join(root, "corpus", "known.yaml"), lines.join("\n") + "\n");
  return root;
}

describe("zhibiao check", () => {
  it("is clean on the unchanged tree", () => {
    const r = zhibiao(["check"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^TOTAL .* clean$/m);
    expect(r.code).toBe(0);
  });

  it("names a missing text file and fails, still checking the other reports", () => {
    const root = project("missing", [{ id: "gone", text: "texts/gone.txt" }, { id: "national_2015" }]);
    const r = zhibiao(["check", "--known", join(root, "corpus", "known.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("texts/gone.txt: text file not found");
    expect(r.stdout).toMatch(/^gone .* ERROR$/m);
    expect(r.stdout).toMatch(/^national_2015 /m);
  });

  it("--update writes sorted, stable expected files, after which check is clean", () => {
    const root = project("update", [{ id: SEED }]);
    const known = join(root, "corpus", "known.yaml");
    const expectedFile = join(root, "corpus", "expected", `${SEED}.jsonl`);
    // A stale expected file: records out of order, keys shuffled, one that the extractor never gives.
    writeFileSync(expectedFile, '{"kind":"rate","end":12,"start":10,"raw":"zz","rule_id":"stale-rule","sentence":"旧句子"}\n{"start":1,"end":2,"raw":"y","rule_id":"stale-rule"}\n');
    const before = zhibiao(["check", "--known", known]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("[stale-rule] 10-12");
    expect(before.stdout).toContain("旧句子");

    const upd = zhibiao(["check", "--known", known, "--update"]);
    expect(upd.code, upd.stderr).toBe(0);
    const text = readFileSync(expectedFile, "utf8");
    const records = readExpected(expectedFile) ?? [];
    expect(text).toBe(expectedJsonl(records));
    const starts = records.map((r) => r.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const line of text.trimEnd().split("\n").filter(Boolean)) {
      const keys = Object.keys(JSON.parse(line) as object);
      expect(keys).toEqual(RECORD_COLUMNS.filter((c) => keys.includes(c)));
    }
    // The same records as `zhibiao extract` gives.
    const out = join(root, "out");
    expect(zhibiao(["extract", join(root, "texts"), "--out", out, "--quiet"]).code).toBe(0);
    const extracted = readFileSync(join(out, "records.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as StoredRecord);
    // … but for path: check reads each report as known.yaml names it (texts/<id>.txt), extract as given
    expect(text).toBe(expectedJsonl(extracted.map((r) => ({ ...r, path: `texts/${SEED}.txt` }))));

    const after = zhibiao(["check", "--known", known]);
    expect(after.code).toBe(0);
    expect(zhibiao(["check", "--known", known, "--update"]).code).toBe(0);
    expect(readFileSync(expectedFile, "utf8")).toBe(text);
  });

  it("--report narrows to one report, --json gives the machine form, an unknown report is bad usage", () => {
    const r = zhibiao(["check", "--report", SEED, "--json"]);
    const json = JSON.parse(r.stdout) as { ok: boolean; reports: { doc_id: string; status: string; expected_count: number }[] };
    expect(r.code).toBe(json.ok ? 0 : 1);
    expect(json.reports.map((x) => x.doc_id)).toEqual([SEED]);
    expect(["clean", "changed"]).toContain(json.reports[0].status);
    expect(json.reports[0].expected_count).toBeGreaterThan(0);
    const bad = zhibiao(["check", "--report", "no_such_report"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown report no_such_report");
  });

  it("fails on a changed rule in a copy of rules/, naming the rule and the record", () => {
    // The seed's records with the rules as they are now, as the expected file of a small project.
    const root = project("rule", [{ id: SEED }]);
    const known = join(root, "corpus", "known.yaml");
    expect(zhibiao(["check", "--known", known, "--update", "--base-rules", join(ROOT, "rules")]).code).toBe(0);
    const expected = readExpected(join(root, "corpus", "expected", `${SEED}.jsonl`)) ?? [];
    const rulesCopy = join(tmp.dir, "rules-copy");
    cpSync(join(ROOT, "rules"), rulesCopy, { recursive: true });
    const target = alterRuleOfSomeRecord(rulesCopy, expected);
    expect(target, `no rule in ${rulesCopy} produced one of the seed's ${expected.length} records`).not.toBeNull();
    const { record, file } = target!;
    const span = `${record.start}-${record.end}`;
    const r = zhibiao(["check", "--known", known, "--base-rules", rulesCopy]);
    expect(r.code, `check with ${relative(rulesCopy, file)} altered:\n${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stdout).toContain(`[${String(record.rule_id)}] ${span} ${JSON.stringify(record.raw)}`);
    expect(r.stdout).toMatch(/^TOTAL .* 1 report differs$/m);
    const [rep] = (JSON.parse(zhibiao(["check", "--known", known, "--base-rules", rulesCopy, "--json"]).stdout) as {
      reports: { added: StoredRecord[]; removed: StoredRecord[]; changed: { start: number; end: number }[] }[];
    }).reports;
    expect([...rep.added, ...rep.removed, ...rep.changed].some((x) => x.start === record.start && x.end === record.end)).toBe(true);
    // The unaltered rules give no difference.
    expect(zhibiao(["check", "--known", known, "--base-rules", join(ROOT, "rules")]).code).toBe(0);
  });
});

/**
 * Finds the rule (a YAML map with `id`) that produced one of the records, and changes it: its `kind` to
 * another kind when the rule sets one, else its patterns so that they never match. Returns the record.
 */
function alterRuleOfSomeRecord(rulesDir: string, records: readonly StoredRecord[]): { record: StoredRecord; file: string } | null {
  const files = listYaml(rulesDir);
  const docs = files.map((file) => ({ file, doc: parseDocument(readFileSync(file, "utf8")) }));
  for (const record of records) {
    for (const { file, doc } of docs) {
      const rule = findRule(doc, String(record.rule_id));
      if (!rule) continue;
      const kind = rule.get("kind");
      if (typeof kind === "string" && (KINDS as readonly string[]).includes(kind) && kind === record.kind) {
        rule.set("kind", KINDS.find((k) => k !== kind)!);
      } else if (!neuterPatterns(rule)) continue;
      writeFileSync(file, doc.toString());
      return { record, file };
    }
  }
  return null;
}

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listYaml(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

function findRule(doc: Document, id: string): YAMLMap | null {
  let found: YAMLMap | null = null;
  visit(doc, {
    Map(_, node) {
      if (node.get("id") === id) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Prefixes every pattern of a rule with a never-matching lookahead; false when it has none. */
function neuterPatterns(rule: YAMLMap): boolean {
  let changed = false;
  for (const item of rule.items) {
    const key = isScalar(item.key) ? String(item.key.value) : "";
    if (!/^(pattern|patterns|regex|match)$/.test(key)) continue;
    const values = isSeq(item.value) ? item.value.items : [item.value];
    for (const v of values) {
      if (isScalar(v) && typeof v.value === "string") {
        v.value = `(?!)${v.value}`;
        changed = true;
      } else if (isMap(v)) {
        for (const inner of v.items) {
          if (isScalar(inner.value) && typeof inner.value.value === "string") {
            inner.value.value = `(?!)${inner.value.value}`;
            changed = true;
          }
        }
      }
    }
  }
  return changed;
}

describe("zhibiao score", () => {
  it("gives score.mjs's figures on extracted inputs, with per-kind rows and fractions", () => {
    const mine = zhibiao(["score", "--gold", GOLD, ...TEXTS, "--json"]);
    expect(mine.code, mine.stderr).toBe(0);
    const out = join(tmp.dir, "score-out");
    expect(zhibiao(["extract", ...TEXTS, "--out", out, "--quiet"]).code).toBe(0);
    const official = node([join(SHARED, "eval", "score.mjs"), "--gold", GOLD, ...TEXTS.flatMap((t) => ["--text", t]), "--pred", join(out, "records.jsonl"), "--json"]);
    const got = JSON.parse(mine.stdout) as { documents: unknown; total: { gold: number }; kinds: { gold: number }[]; figures: Record<string, { F1: number }> };
    expect({ documents: got.documents, total: got.total }).toEqual(JSON.parse(official.stdout));
    expect(got.kinds.reduce((n, k) => n + k.gold, 0)).toBe(got.total.gold);
    expect(typeof got.figures.TOTAL.F1).toBe("number");
  });

  it("prints the table and, with --errors, every miss with its context", () => {
    const pred = join(tmp.dir, "one.jsonl");
    writeFileSync(pred, JSON.stringify({ doc_id: SEED, start: 0, end: 2, raw: "xx", kind: "rate", value: 1, unit: "%" }) + "\n");
    const r = zhibiao(["score", "--gold", GOLD, "--text", TEXTS[0], "--text", TEXTS[1], "--pred", pred, "--errors"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^doc\tgold\tpred\tP\tR\tF1\tstrictF1/m);
    expect(r.stdout).toMatch(/^TOTAL\t351\t/m);
    expect(r.stdout).toMatch(/^By kind/m);
    expect(r.stdout).toContain(`${SEED} MISS  3家 (quantity 3 家)`);
    expect(r.stdout).toContain(`${SEED} EXTRA xx (rate 1 %)`);
  });

  it("--floors fails naming each figure under its floor", () => {
    const pred = join(tmp.dir, "floors.jsonl");
    writeFileSync(pred, JSON.stringify({ doc_id: SEED, start: 384, end: 386, raw: "3家", kind: "quantity", value: 3, unit: "家" }) + "\n");
    const floors = join(tmp.dir, "floors.json");
    writeFileSync(floors, JSON.stringify({ [SEED]: { kind: 1, F1: 0.5 }, TOTAL: { offsets: 1 } }));
    const r = zhibiao(["score", "--gold", GOLD, "--text", TEXTS[0], "--pred", pred, "--floors", floors]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${SEED} F1 0.023 < floor 0.500`);
    expect(r.stderr).not.toContain(`${SEED} kind`);
    expect(r.stderr).not.toContain("TOTAL offsets");
  });

  it("refuses --pred without --text, and no input at all", () => {
    expect(zhibiao(["score", "--gold", GOLD, "--pred", "x.jsonl"]).stderr).toContain("--text <dir> is required");
    expect(zhibiao(["score", "--gold", GOLD]).code).toBe(1);
  });
});
