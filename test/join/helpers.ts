import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PanelRow } from "../../src/model/panel.js";
import { loadCatalogue } from "../../src/name/catalogue.js";
import { BUILTIN_RULES_DIR } from "../../src/rules/load.js";

/** A temporary folder for one test file. */
export function tempDir(prefix = "zhibiao-join-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A panel row with every column, defaults for what a test does not care about: `row({ doc_id: "a_2015", indicator_code: "gdp_growth", status: "target", period: "2015", value: 7 })`. */
export function row(fields: Partial<PanelRow> & Pick<PanelRow, "doc_id" | "indicator_code" | "status" | "period">): PanelRow {
  return {
    region: "全国",
    region_code: "000000",
    level: "national",
    report_year: Number(/_(\d{4})$/.exec(fields.doc_id)?.[1] ?? 2020),
    indicator_name: fields.indicator_code,
    value: null,
    value_max: null,
    unit: "%",
    qualifier: "exact",
    absent: false,
    conflict: null,
    record_id: `${fields.doc_id}:${fields.indicator_code}:${fields.status}`,
    start: 0,
    end: 1,
    raw: "x",
    sentence: "x",
    section: "",
    ...fields,
    doc_id: fields.doc_id,
  } as PanelRow;
}

/** A documents.jsonl line of a document, as extract writes it (the fields the join reads, and some others). */
export function documentLine(doc_id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    doc_id, path: `${doc_id}.txt`, status: "ok", reader: "txt", encoding: "utf-8", bytes: 10, chars: 10, sha256: `sha-${doc_id}`,
    record_count: 1, errors: [], title: null, region: null, province: null, city: null, county: null, town: null, level: null,
    session: null, speaker: null, speaker_title: null, report_date: null, report_year: null, review_period: null, plan_period: null, ...extra,
  };
}

const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");

/** Writes an extract output folder (documents.jsonl + panel.jsonl) of some rows; the documents are those the rows name unless given. */
export function writeOutput(dir: string, rows: readonly PanelRow[], documents?: readonly Record<string, unknown>[]): string {
  mkdirSync(dir, { recursive: true });
  const docs = documents ?? [...new Set(rows.map((r) => r.doc_id))].map((id) => documentLine(id));
  writeFileSync(join(dir, "documents.jsonl"), jsonl(docs));
  writeFileSync(join(dir, "panel.jsonl"), jsonl(rows));
  return dir;
}

/** The lines of a JSONL file as objects. */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export const GOLD_PANEL = join(import.meta.dirname, "../../../shared/gold/panel");

/** Region code, name and level of each gold series (the brief's table; 000_a856… is a town of 崇明区). */
const GOLD_REGIONS: [RegExp, string, string, PanelRow["level"]][] = [
  [/^national_/, "000000", "全国", "national"],
  [/^province_guangdong_/, "440000", "广东省", "provincial"],
  [/^city_shenzhen_/, "440300", "广东省深圳市", "city"],
  [/^district_yantian_/, "440308", "广东省深圳市盐田区", "county"],
  [/^district_longgang_/, "440307", "广东省深圳市龙岗区", "county"],
  [/^district_hailar_/, "150702", "内蒙古自治区呼伦贝尔市海拉尔区", "county"],
  [/^city_beijing_2026$/, "110000", "北京市", "city"],
  [/^province_henan_2026$/, "410000", "河南省", "provincial"],
  [/^province_heilongjiang_2026$/, "230000", "黑龙江省", "provincial"],
  [/^province_xizang_2026$/, "540000", "西藏自治区", "provincial"],
  [/^000_a856141411780175$/, "310151100", "上海市崇明区东平镇", "town"],
];

/** The region of a gold doc id: `goldRegion("city_shenzhen_2016")` → { code: "440300", … }. */
export function goldRegion(doc: string): { code: string; name: string; level: PanelRow["level"] } {
  const hit = GOLD_REGIONS.find(([re]) => re.test(doc));
  if (!hit) throw new Error(`no region for gold doc ${doc}`);
  return { code: hit[1], name: hit[2], level: hit[3] };
}

interface GoldRow {
  doc: string; indicator: string; status: "target" | "actual"; period: string; value?: number | null; value_max?: number | null;
  unit?: string | null; qualifier?: PanelRow["qualifier"]; absent?: boolean; quote?: string;
}

/** The gold panel (shared/gold/panel/*.jsonl) as PanelRows, with the regions above and names from the catalogue. */
export function goldPanelRows(): PanelRow[] {
  const { catalogue } = loadCatalogue([BUILTIN_RULES_DIR], String);
  const out: PanelRow[] = [];
  for (const file of readdirSync(GOLD_PANEL).filter((f) => f.endsWith(".jsonl")).sort()) {
    readJsonl<GoldRow>(join(GOLD_PANEL, file)).forEach((g, n) => {
      const region = goldRegion(g.doc);
      const quote = g.quote ?? "";
      out.push({
        doc_id: g.doc,
        region: region.name,
        region_code: region.code,
        level: region.level,
        report_year: Number(/_(\d{4})$/.exec(g.doc)?.[1] ?? 2023),
        indicator_code: g.indicator,
        indicator_name: catalogue.byCode.get(g.indicator)?.spec.name_zh ?? g.indicator,
        status: g.status,
        period: String(g.period),
        value: g.absent ? null : (g.value ?? null),
        value_max: g.value_max ?? null,
        unit: g.absent ? null : (g.unit ?? null),
        qualifier: g.absent ? null : (g.qualifier ?? "exact"),
        absent: g.absent ?? false,
        conflict: null,
        record_id: g.absent ? null : `${g.doc}-${n}`,
        start: 0,
        end: quote.length,
        raw: quote,
        sentence: quote,
        section: "",
      });
    });
  }
  return out;
}

/** parents.json of the gold (series → parent series) as a region code → parent code map, every other gold code with none. */
export function goldParents(): Map<string, string | null> {
  const parents = JSON.parse(readFileSync(join(GOLD_PANEL, "parents.json"), "utf8")) as Record<string, string>;
  const map = new Map<string, string | null>();
  for (const doc of goldPanelRows().map((r) => r.doc_id)) map.set(goldRegion(doc).code, null);
  for (const [series, parent] of Object.entries(parents)) map.set(goldRegion(`${series}_2016`).code, goldRegion(`${parent}_2016`).code);
  return map;
}
