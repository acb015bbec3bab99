import type { DocumentMeta } from "../model/document.js";
import { diagnostic, type Diagnostic } from "../model/diagnostic.js";
import { resolveRegion } from "../regions/index.js";
import type { TextOptions } from "./extract.js";

const resolved = new Map<string, ReturnType<typeof resolveRegion>>();

/**
 * The region's administrative code (src/regions), from what the report or the caller names; a name
 * two regions share, or one the data does not know, gives null and a diagnostic — never a guess.
 * `regionCode({ region: "广东省深圳市盐田区", … }, { doc_id: "a" }, diagnostics)` → "440308".
 */
export function regionCode(meta: DocumentMeta, opts: TextOptions, diagnostics: Diagnostic[]): string | null {
  meta.region_parents = [];
  if (!meta.region && !meta.province && !meta.city && !meta.county && !meta.town && !opts.region_code && meta.level !== "national") return null;
  const query = {
    region: meta.region, province: meta.province, city: meta.city, county: meta.county, town: meta.town,
    level: meta.level, region_code: opts.region_code ?? null,
  };
  // a batch names the same regions again and again: each query is resolved once per process
  const key = JSON.stringify(query);
  let result = resolved.get(key);
  if (!result) {
    if (resolved.size > 10_000) resolved.clear();
    resolved.set(key, (result = resolveRegion(query)));
  }
  const { region, diagnostics: found } = result;
  for (const d of found) {
    diagnostics.push(diagnostic({ doc_id: opts.doc_id, severity: "warning", stage: "segment", code: d.code, message: d.message, start: null, end: null }));
  }
  if (region && !meta.level) meta.level = region.level;
  meta.region_parents = region ? region.parents.map((p) => p.code) : [];
  return region?.code ?? opts.region_code ?? null;
}
