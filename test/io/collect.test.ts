import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectInputs } from "../../src/io/collect.js";
import { globToRegExp } from "../../src/io/glob.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zhibiao-collect-"));
  mkdirSync(join(dir, "a/b"), { recursive: true });
  for (const f of ["a/1.txt", "a/2.pdf", "a/b/3.docx", "a/b/4.html", "a/notes.md", "top.txt"]) writeFileSync(join(dir, f), "x");
  symlinkSync("..", join(dir, "a/b/up"));
  symlinkSync("self", join(dir, "a/self"));
  execFileSync("mkfifo", [join(dir, "a/pipe.txt")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("collectInputs", () => {
  it("walks folders in sorted order, flags loops, FIFOs and unknown formats", () => {
    const { items } = collectInputs([join(dir, "a")]);
    const rel = items.map((i) => `${i.kind}:${i.path.slice(dir.length + 1)}${i.kind === "error" ? `:${i.code}` : ""}`);
    expect(rel).toEqual([
      "file:a/1.txt",
      "file:a/2.pdf",
      "file:a/b/3.docx",
      "file:a/b/4.html",
      "error:a/b/up:symlink-loop",
      "skipped:a/notes.md",
      "error:a/pipe.txt:not-a-file",
      "error:a/self:symlink-loop",
    ]);
  });

  it("keeps the order of the arguments, reports missing paths and reads - as stdin", () => {
    const { items } = collectInputs([join(dir, "top.txt"), join(dir, "nope.txt"), "-", join(dir, "a/1.txt")]);
    expect(items.map((i) => i.kind)).toEqual(["file", "error", "stdin", "file"]);
    expect(items[1]).toMatchObject({ code: "missing-input", message: "no such file or folder" });
  });

  it("expands glob patterns, and says when one matches nothing", () => {
    const { items } = collectInputs([join(dir, "**/*.{txt,docx}"), join(dir, "*.xlsx")]);
    const files = items.filter((i) => i.kind === "file").map((i) => i.path.slice(dir.length + 1));
    expect(files).toEqual(["a/1.txt", "a/b/3.docx", "top.txt"]);
    expect(items.at(-1)).toMatchObject({ kind: "error", code: "no-match" });
  });
});

describe("globToRegExp", () => {
  it.each([
    ["*.txt", "a.txt", true],
    ["*.txt", "d/a.txt", false],
    ["**/*.txt", "a.txt", true],
    ["**/*.txt", "d/e/a.txt", true],
    ["r/**/x?.pdf", "r/2023/x1.pdf", true],
    ["[ab].txt", "c.txt", false],
    ["{a,b}.txt", "b.txt", true],
    ["a.b", "axb", false],
  ])("%s ~ %s → %s", (glob, path, hit) => {
    expect(globToRegExp(glob).test(path)).toBe(hit);
  });
});
