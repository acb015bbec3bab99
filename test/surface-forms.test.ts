import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extract, type MetricRecord } from "../src/index.js";
import { KNOWN_FAILURES, NEGATIVES, SECTIONS, type Expect, type Form } from "./fixtures/surface-forms.js";

// Issue 3's table of surface forms (test/fixtures/surface-forms.ts): every form yields exactly the
// records of its group, every negative yields none. Forms listed in KNOWN_FAILURES run as `it.fails`,
// so a rule that fixes one turns the test red until the entry is removed. SURFACE_FORMS_ALL=1 runs
// them as ordinary tests, to see what the extractor gives today.
const runAll = process.env.SURFACE_FORMS_ALL === "1";

interface Case {
  text: string;
  raw: string | null;
}

const textOf = (f: Form): string => (typeof f === "string" ? f : f[0]);
const toCase = (f: Form): Case => (typeof f === "string" ? { text: f, raw: null } : { text: f[0], raw: f[1] });
const known = (text: string): boolean => !runAll && Object.hasOwn(KNOWN_FAILURES, text);

/** Numbers to 12 significant digits, so 100/3 and 33.3333333333 compare equal. */
const num = (v: number | null | undefined): number | null | undefined => (typeof v === "number" ? Number(v.toPrecision(12)) : v);

/** The fields an expectation names, from a record (only those the expectation checks). */
function project(r: MetricRecord, e: Expect, raw: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: r.kind,
    value: num(r.value),
    value_max: num(r.value_max),
    unit: r.unit,
    qualifier: r.qualifier,
  };
  if (raw !== null || e.raw !== undefined) out.raw = r.raw;
  if (e.si_value !== undefined) out.si_value = num(r.si_value);
  if (e.si_unit !== undefined) out.si_unit = r.si_unit;
  return out;
}

function wanted(e: Expect, raw: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: e.kind,
    value: num(e.value),
    value_max: num(e.value_max ?? null),
    unit: e.unit,
    qualifier: e.qualifier ?? "exact",
  };
  if (raw !== null || e.raw !== undefined) out.raw = raw ?? e.raw;
  if (e.si_value !== undefined) out.si_value = num(e.si_value);
  if (e.si_unit !== undefined) out.si_unit = e.si_unit;
  return out;
}

const brief = (r: MetricRecord): string =>
  `${JSON.stringify(r.raw)} ${r.kind} ${r.value}${r.value_max === null ? "" : `~${r.value_max}`} ${r.unit} ${r.qualifier} (${r.rule_id})`;

function check(c: Case, expectation: Expect | readonly Expect[]): void {
  const records = extract(c.text).records;
  const list: readonly Expect[] = Array.isArray(expectation) ? expectation : [expectation as Expect];
  const got = records.map(brief).join(" | ") || "(no record)";
  expect(records.length, `record count; got: ${got}`).toBe(list.length);
  list.forEach((e, i) => {
    const raw = list.length === 1 ? c.raw : null;
    expect(project(records[i], e, raw), `record ${i}; got: ${got}`).toEqual(wanted(e, raw));
  });
}

for (const section of SECTIONS) {
  describe(section.title, () => {
    for (const group of section.groups) {
      describe(group.name, () => {
        const cases = group.forms.map(toCase);
        const passing = cases.filter((c) => !known(c.text));
        const failing = cases.filter((c) => known(c.text));
        if (passing.length > 0) it.each(passing)("$text", (c) => check(c, group.expect));
        if (failing.length > 0) it.fails.each(failing)("$text (known failure)", (c) => check(c, group.expect));
      });
    }
  });
}

describe("Negatives: names, dates, ordinals and words with numerals yield no record", () => {
  const passing = NEGATIVES.filter((n) => !known(n.text));
  const failing = NEGATIVES.filter((n) => known(n.text));
  const none = (text: string): void => {
    expect(extract(text).records.map(brief)).toEqual([]);
  };
  it.each(passing)("$text ($why)", ({ text }) => none(text));
  if (failing.length > 0) it.fails.each(failing)("$text ($why) (known failure)", ({ text }) => none(text));
});

describe("the table itself", () => {
  const forms = SECTIONS.flatMap((s) => s.groups.flatMap((g) => g.forms.map(textOf)));
  const negatives = NEGATIVES.map((n) => n.text);

  it("has at least 300 surface forms and 60 negatives", () => {
    expect(forms.length).toBeGreaterThanOrEqual(300);
    expect(negatives.length).toBeGreaterThanOrEqual(60);
  });

  it("lists every form once", () => {
    const all = [...forms, ...negatives];
    expect(all.filter((t, i) => all.indexOf(t) !== i)).toEqual([]);
  });

  it("lists in KNOWN_FAILURES only forms of the table, each with a reason", () => {
    const all = new Set([...forms, ...negatives]);
    for (const [text, why] of Object.entries(KNOWN_FAILURES)) {
      expect(all.has(text), text).toBe(true);
      expect(why.length, text).toBeGreaterThan(0);
    }
  });

  it("does not repeat the rules' own examples verbatim", () => {
    const examples = new Set<string>();
    const collect = (file: string): void => {
      const doc = parse(readFileSync(file, "utf8")) as {
        rules?: { examples?: { text?: string; texts?: string[] }[]; counterexamples?: string[] }[];
        negatives?: { text: string }[];
      };
      for (const r of doc.rules ?? []) {
        for (const e of r.examples ?? []) for (const t of [e.text, ...(e.texts ?? [])]) if (t) examples.add(t);
        for (const t of r.counterexamples ?? []) examples.add(t);
      }
      for (const n of doc.negatives ?? []) examples.add(n.text);
    };
    const dir = new URL("../rules/", import.meta.url);
    for (const f of readdirSync(dir)) if (f.endsWith(".yaml")) collect(new URL(f, dir).pathname);
    collect(new URL("lexicon/negatives.yaml", dir).pathname);
    expect([...forms, ...negatives].filter((t) => examples.has(t))).toEqual([]);
  });
});
