/** Resolves a report's region to its code, level and parents (see docs/regions.md). */
import { dataSource, NATION, NATION_FULL_NAME, townIndex, upperIndex, type Division } from "./data.js";
import { cleanRegion, isNation } from "./names.js";
import { candidates, enclosing, isWithin } from "./parse.js";
import type { RegionInfo, RegionLevel, RegionQuery, RegionResult } from "./types.js";

type Diagnostic = RegionResult["diagnostics"][number];

function chain(d: Division): Division[] {
  const out: Division[] = [];
  for (let x: Division | null = d; x; x = x.parent) out.push(x);
  return out;
}

function fullName(d: Division): string {
  if (d === NATION) return NATION_FULL_NAME;
  return chain(d).filter((x) => x !== NATION).reverse().map((x) => x.name).join("");
}

function info(d: Division): RegionInfo {
  return {
    code: d.code,
    name: d.name,
    level: d.level,
    full_name: fullName(d),
    parents: chain(d).slice(1).map((p) => ({ code: p.code, name: p.name, level: p.level })),
  };
}

function label(d: Division): string {
  return `${fullName(d)} (${d.code})`;
}

function source(): string {
  const s = dataSource();
  return `${s.name} ${s.version}`;
}

/** The division a code names, or null: 6-digit GB/T 2260, 2/4-digit prefixes, 9- or 12-digit statistical codes. */
function divisionByCode(raw: string): Division | null {
  let s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  if (/^0+$/.test(s)) return NATION;
  if (s.length === 12) {
    if (!s.endsWith("000")) return null; // a village (村级) code: not covered
    s = s.slice(0, 9);
  }
  if (s.length === 9) {
    if (s.endsWith("000")) s = s.slice(0, 6);
    else return townIndex().byCode.get(s) ?? null;
  }
  if (s.length === 2 || s.length === 4) s = s.padEnd(6, "0");
  if (s.length !== 6) return null;
  const up = upperIndex();
  return up.byCode.get(up.alias.get(s) ?? s) ?? null;
}

/** `regionByCode("440308")` → { code: "440308", name: "盐田区", level: "county", full_name: "广东省深圳市盐田区", parents: [440300, 440000, 000000] }. */
export function regionByCode(code: string): RegionInfo | null {
  const d = divisionByCode(code);
  return d ? info(d) : null;
}

/** `parentCode("110101")` → "110000" (the municipality, not its 市辖区 placeholder); `parentCode("440000")` → "000000". */
export function parentCode(code: string): string | null {
  return divisionByCode(code)?.parent?.code ?? null;
}

const FIELDS = ["town", "county", "city", "province"] as const;

function present(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = cleanRegion(v);
  return s.length > 0 ? s : null;
}

interface NameResult {
  /** whether the query names a region at all */
  named: boolean;
  /** what the names leave (after the fields, the parent hint and the level preference) */
  found: Division[];
  diagnostics: Diagnostic[];
}

/** The divisions a parent hint or a split field stands for: a code or a name. */
function fieldDivisions(s: string, wantTown: boolean): Division[] {
  if (/^\d+$/.test(s)) {
    const d = divisionByCode(s);
    return d ? [d] : [];
  }
  return isNation(s) ? [NATION] : candidates(s, wantTown).found;
}

function byNames(q: RegionQuery): NameResult {
  const region = present(q.region);
  const fields = FIELDS.map((f) => ({ field: f as string, value: present(q[f]) })).filter((f) => f.value !== null);
  const parent = present(q.parent);
  if ((region !== null && isNation(region)) || (region === null && fields.length === 0 && q.level === "national")) {
    return { named: true, found: [NATION], diagnostics: [] };
  }
  // the string to read: the region as written, else the most specific split field
  let text = region;
  let constraints = fields;
  if (text === null && fields.length > 0) {
    text = fields[0].value;
    constraints = fields.slice(1);
  }
  if (parent !== null) constraints = [...constraints, { field: "parent", value: parent }];
  if (text === null) return { named: false, found: [], diagnostics: [] };

  const wantTown = q.level === "town" || present(q.town) !== null;
  const reading = candidates(text, wantTown);
  let found = reading.found;
  if (found.length === 0) {
    return { named: true, found, diagnostics: [{ code: "region-unknown", message: unknownMessage(text) }] };
  }
  for (const c of constraints) {
    const within = fieldDivisions(c.value ?? "", c.field === "town");
    if (within.length === 0) continue; // a field that names nothing in the data cannot be checked
    const kept = found.filter((d) => within.some((w) => isWithin(d, w)));
    if (kept.length === 0) {
      const message = `region "${text}" (${found.map(label).join(", ")}) does not lie in ${c.field} "${c.value}" (${within.map(label).join(", ")})`;
      return { named: true, found: [], diagnostics: [{ code: "region-unknown", message }] };
    }
    found = kept;
  }
  if (found.length > 1 && q.level) {
    const level: RegionLevel = q.level;
    const atLevel = found.filter((d) => d.level === level);
    if (atLevel.length > 0) found = atLevel;
  }
  // a short name is the largest division of that stem when the others lie inside it: 长沙 is 长沙市
  const top = found.length > 1 && reading.short ? enclosing(found) : null;
  if (top) found = [top];
  if (found.length > 1) {
    const message = `region "${text}" is ambiguous: ${found.length} candidates, ${found.map(label).join(", ")}; name a province, city or parent to choose`;
    return { named: true, found, diagnostics: [{ code: "region-ambiguous", message }] };
  }
  return { named: true, found, diagnostics: [] };
}

function unknownMessage(text: string): string {
  // a renamed county keeps its stem (崇明县 → 崇明区): name the current ones, but resolve none of them
  const up = upperIndex();
  const like: Division[] = [];
  for (let i = 0; i < text.length && like.length === 0; i++) {
    const rest = text.slice(i);
    const stem = rest.replace(/(?:自治县|自治旗|县|区|市|旗)$/, "");
    if (stem.length < 2 || stem === rest) continue;
    for (const suffix of ["区", "县", "市", "旗"]) {
      for (const d of up.byName.get(stem + suffix) ?? []) if (d.name !== rest) like.push(d);
    }
  }
  const hint = like.length > 0 ? `; current divisions of that stem: ${like.map(label).join(", ")}` : "";
  return `region "${text}" is not a division in ${source()} (its 2023 statistical division codes; the package has no history of old or merged names)${hint}`;
}

/**
 * `resolveRegion({ region: "广东省深圳市盐田区" }).region?.code` → "440308"; `resolveRegion({ region: "全国" })`
 * → the nation, code "000000". A known `region_code` wins; names that disagree with it add "region-code-mismatch".
 */
export function resolveRegion(q: RegionQuery): RegionResult {
  const diagnostics: Diagnostic[] = [];
  const code = q.region_code?.trim() ? q.region_code.trim() : null;
  const names = byNames(q);
  if (code !== null) {
    const d = divisionByCode(code);
    if (d) {
      if (names.named && !names.found.some((x) => x === d)) {
        const said = names.found.length > 0 ? names.found.map(label).join(", ") : "nothing in the data";
        diagnostics.push({ code: "region-code-mismatch", message: `region code ${code} is ${label(d)}, but the names given say ${said}` });
      }
      return { region: info(d), diagnostics };
    }
    diagnostics.push({ code: "region-unknown", message: `region code ${code} is not a division in ${source()}` });
  }
  diagnostics.push(...names.diagnostics);
  return { region: names.found.length === 1 && names.diagnostics.length === 0 ? info(names.found[0]) : null, diagnostics };
}
