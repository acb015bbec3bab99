import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnown } from "../../src/eval/known.js";
import { expectedJsonl, readExpected, writeExpected } from "../../src/eval/expected.js";
import { RECORD_COLUMNS } from "../../src/model/record.js";
import { ROOT, tempDir } from "./helpers.js";

describe("corpus/known.yaml", () => {
  const { dir, cleanup } = tempDir("known");
  afterAll(cleanup);
  const write = (name: string, body: string) => {
    mkdirSync(join(dir, name, "corpus"), { recursive: true });
    const f = join(dir, name, "corpus", "known.yaml");
    writeFileSync(f, body);
    return f;
  };

  it("the project's list is valid and every text exists", () => {
    const known = loadKnown(join(ROOT, "corpus", "known.yaml"));
    expect(known.map((k) => k.doc_id)).toContain("000_a856141411780175");
    expect(known.length).toBe(7);
    for (const k of known) expect(readFileSync(k.textPath).length).toBeGreaterThan(1000);
  });

  it("resolves paths from the project root and defaults the expected file", () => {
    const f = write("defaults", "reports:\n  - doc_id: a\n    text: texts/a.txt\n");
    const [k] = loadKnown(f);
    expect(k.textPath).toBe(join(dir, "defaults", "texts", "a.txt"));
    expect(k.expectedPath).toBe(join(dir, "defaults", "corpus", "expected", "a.jsonl"));
  });

  it.each([
    ["an unknown key", "reports:\n  - doc_id: a\n    text: a.txt\n    txt: b\n", /txt/],
    ["a doc_id that is not the text's name", "reports:\n  - doc_id: a\n    text: b.txt\n", /gives doc_id b/],
    ["a duplicate doc_id", "reports:\n  - doc_id: a\n    text: a.txt\n  - doc_id: a\n    text: x/a.txt\n", /duplicate doc_id a/],
    ["no reports", "reports: []\n", /reports/],
    ["bad YAML", "reports: [\n", /not valid YAML/],
  ])("rejects %s, naming the file", (name, body, message) => {
    const f = write(name.replace(/\W+/g, "_"), body);
    expect(() => loadKnown(f)).toThrow(message);
    expect(() => loadKnown(f)).toThrow(f);
  });
});

describe("expected files", () => {
  const { dir, cleanup } = tempDir("expected");
  afterAll(cleanup);

  it("are sorted by start, one record a line, keys in schema order", () => {
    const a = { sentence: "s", end: 9, start: 7, doc_id: "d", zeta: 1, raw: "ab", kind: "rate" };
    const b = { kind: "quantity", raw: "c", start: 2, end: 3, doc_id: "d" };
    const text = expectedJsonl([a, b]);
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]).start).toBe(2);
    const keys = Object.keys(JSON.parse(lines[1]));
    const known = keys.filter((k) => k !== "zeta");
    expect(known).toEqual(RECORD_COLUMNS.filter((c) => known.includes(c)));
    expect(keys.at(-1)).toBe("zeta");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("round-trip, and writing the same records again changes nothing", () => {
    const f = join(dir, "x.jsonl");
    const records = [{ start: 5, end: 6, raw: "1" }, { start: 1, end: 2, raw: "2" }];
    expect(writeExpected(f, records)).toBe(true);
    expect(writeExpected(f, [...records].reverse())).toBe(false);
    expect(readExpected(f)?.map((r) => r.start)).toEqual([1, 5]);
    expect(readExpected(join(dir, "none.jsonl"))).toBeNull();
  });

  it("name the line of a broken record", () => {
    const f = join(dir, "bad.jsonl");
    writeFileSync(f, '{"start":1,"end":2}\n{"start":"a"}\n');
    expect(() => readExpected(f)).toThrow(`${f}:2`);
  });
});
