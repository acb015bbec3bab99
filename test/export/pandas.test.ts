import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

/**
 * Issue 14 §7: a researcher reads the outputs with pandas (Debian's python3-pandas, which .ci/run
 * installs) using the calls docs/outputs.md documents, and gets numbers as numbers, booleans as
 * booleans, empty cells as NA, Chinese intact and ids as text.
 */
const PYTHON = ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-c", "import pandas"], { stdio: "ignore" }).status === 0) ?? null;
if (!PYTHON) process.stderr.write("[skip] pandas read test: no python3 with pandas; install with 'apt-get install -y python3-pandas'\n");

/** The calls of docs/outputs.md, and what they give, as JSON. */
const SCRIPT = String.raw`
import json, sys
import pandas as pd
out = sys.argv[1]
ids = {"doc_id": str, "record_id": str, "period": str, "region_code": str, "path": str}
records = pd.read_csv(f"{out}/records.csv", encoding="utf-8-sig", dtype=ids)
panel = pd.read_csv(f"{out}/panel.csv", encoding="utf-8-sig", dtype={"doc_id": str, "record_id": str, "period": str, "region_code": str})
documents = pd.read_csv(f"{out}/documents.csv", encoding="utf-8-sig", dtype={"doc_id": str, "region_code": str, "region_parents": str, "sha256": str})
wide = records[records["indicator_code"] == "gdp_growth"]
print(json.dumps({
  "rows": len(records),
  "dtypes": {c: str(records[c].dtype) for c in ["value", "value_max", "start", "end", "period_inferred", "si_value", "record_id", "indicator", "report_year"]},
  "value_max_na": int(records["value_max"].isna().sum()),
  "indicator_na": int(records["indicator"].isna().sum()),
  "negative": float(records["value"].min()),
  "big": float(records["value"].max()),
  "chinese": records["indicator"].dropna().iloc[0],
  "regions": sorted(set(records["region_code"].dropna())),
  "periods": sorted(set(records["period"].dropna()))[:3],
  "gdp_growth": wide["value"].tolist(),
  "panel_dtypes": {c: str(panel[c].dtype) for c in ["value", "value_max", "absent", "report_year"]},
  "panel_rows": len(panel),
  "documents": documents[["doc_id", "record_count", "region_code"]].values.tolist(),
  "documents_dtypes": {c: str(documents[c].dtype) for c in ["bytes", "record_count", "report_year"]},
}, ensure_ascii=False))
`;

let tmp = "";
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-pandas-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!PYTHON)("pandas reads the outputs as a researcher expects", () => {
  it("numbers as numbers, booleans as bool, empty cells as NA, Chinese intact, ids and codes as text", () => {
    const out = join(tmp, "out");
    const meta = join(tmp, "meta.csv");
    writeFileSync(meta, "doc_id,region,level\nnational_2015,全国,national\n");
    execFileSync(process.execPath, [join(ROOT, "dist/cli.js"), "extract", join(ROOT, "../shared/corpus/national_2015.txt"), join(ROOT, "../shared/corpus/city_shenzhen_2016.txt"), "--out", out, "--quiet", "--meta", meta]);
    expect(existsSync(join(out, "documents.csv"))).toBe(true);
    writeFileSync(join(tmp, "read.py"), SCRIPT);
    const got = JSON.parse(execFileSync(PYTHON!, [join(tmp, "read.py"), out], { encoding: "utf8" })) as Record<string, unknown> & { dtypes: Record<string, string> };
    expect(got.rows).toBeGreaterThan(200);
    expect(got.dtypes).toEqual({
      value: "float64", value_max: "float64", start: "int64", end: "int64", period_inferred: "bool", si_value: "float64",
      record_id: "object", indicator: "object", report_year: "int64",
    });
    expect(got.value_max_na).toBeGreaterThan(100);
    expect(got.negative).toBeLessThan(0);
    expect(got.big).toBeGreaterThan(1e12);
    expect(got.chinese).toMatch(/[\u4e00-\u9fff]/);
    // the nation's code keeps its zeros (read as text, as the docs say)
    expect(got.regions).toEqual(["000000", "440300"]);
    expect(got.gdp_growth).toContain(7);
    expect(got.panel_dtypes).toEqual({ value: "float64", value_max: "float64", absent: "bool", report_year: "int64" });
    expect(got.documents).toEqual([
      ["national_2015", expect.any(Number), "000000"],
      ["city_shenzhen_2016", expect.any(Number), "440300"],
    ]);
    expect(got.documents_dtypes).toEqual({ bytes: "int64", record_count: "int64", report_year: "int64" });
  }, 120_000);
});
