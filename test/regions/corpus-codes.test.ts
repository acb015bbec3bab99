import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SHARED } from "../helpers.js";

// Every report in ../shared gets the right administrative code: from its front matter, from who reports
// (我代表国务院), or from the researcher's table (../shared/corpus/manifest.csv) for texts that start at 各位代表.
const EXPECTED: Record<string, string> = {
  "000_a856141411780175": "310151115", city_beijing_2026: "110000",
  city_shenzhen_2003: "440300", city_shenzhen_2015: "440300", city_shenzhen_2016: "440300",
  district_hailar_2015: "150702", district_hailar_2016: "150702", district_hailar_2017: "150702",
  district_longgang_2015: "440307", district_longgang_2016: "440307", district_yantian_2015: "440308", district_yantian_2016: "440308",
  national_1995: "000000", national_2005: "000000", national_2010: "000000", national_2015: "000000", national_2016: "000000",
  national_2018: "000000", national_2019: "000000", national_2020: "000000", national_2023: "000000",
  province_guangdong_2015: "440000", province_guangdong_2016: "440000", province_guangdong_2026: "440000",
  province_heilongjiang_2026: "230000", province_henan_2026: "410000", province_xizang_2026: "540000",
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function documents(...extra: string[]): Record<string, { region_code: string | null; level: string | null; region_parents: string[] }> {
  const out = mkdtempSync(join(tmpdir(), "zhibiao-codes-"));
  dirs.push(out);
  const r = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "extract", join(SHARED, "seeds"), join(SHARED, "corpus"), "--out", join(out, "o"), "--quiet", ...extra], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const docs = readFileSync(join(out, "o", "documents.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return Object.fromEntries(docs.map((d) => [d.doc_id, d]));
}

describe("region codes of the reports in ../shared", () => {
  it("with the researcher's table: every report right", () => {
    const docs = documents("--meta", join(SHARED, "corpus", "manifest.csv"));
    for (const [doc, code] of Object.entries(EXPECTED)) expect(docs[doc]?.region_code, doc).toBe(code);
    // and the regions above, nearest first
    expect(docs.district_yantian_2016?.region_parents).toEqual(["440300", "440000", "000000"]);
    expect(docs.city_beijing_2026?.region_parents).toEqual(["000000"]);
    expect(docs.national_2023?.region_parents).toEqual([]);
  });
  it("from the text alone: right where the text names the region, null where it does not — never a wrong code", () => {
    const docs = documents();
    let named = 0;
    for (const [doc, code] of Object.entries(EXPECTED)) {
      const got = docs[doc]?.region_code ?? null;
      if (got !== null) named++;
      expect([code, null], doc).toContain(got);
    }
    // front matter, title or 我代表…人民政府 name the region of most of them
    expect(named).toBeGreaterThanOrEqual(20);
  });
});
