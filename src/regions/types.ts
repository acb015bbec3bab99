/** The public shapes of the region module (re-exported by `src/regions/index.ts`). */

/** The project's level names, from the nation down to a town or street. */
export type RegionLevel = "national" | "provincial" | "city" | "county" | "town";

/** What a report says about its region: a free string and/or the split front-matter fields. */
export interface RegionQuery {
  /** Free string: `广东省深圳市盐田区`, `海拉尔区`, `上海市崇明区东平镇`, `全国`. */
  region?: string | null;
  province?: string | null;
  city?: string | null;
  county?: string | null;
  town?: string | null;
  /** A preference among candidates, not a filter that may empty them (北京市 given as "city" stays 110000). */
  level?: RegionLevel | null;
  /** A code given with the report: it wins when it is known; the names are checked against it. */
  region_code?: string | null;
  /** Any enclosing region, by name (`河北省石家庄市`) or code (`130100`), to settle a shared name. */
  parent?: string | null;
}

/** One resolved administrative division. */
export interface RegionInfo {
  /** GB/T 2260 code (6 digits), the 9-digit statistical code for a town/street, or "000000" for the nation. */
  code: string;
  name: string;
  level: RegionLevel;
  /** full name, 广东省深圳市盐田区 */
  full_name: string;
  /** nearest first, up to and including the nation "000000" */
  parents: { code: string; name: string; level: string }[];
}

/** What `resolveRegion` found, with the reasons when it found nothing or something doubtful. */
export interface RegionResult {
  region: RegionInfo | null;
  diagnostics: { code: "region-ambiguous" | "region-unknown" | "region-code-mismatch"; message: string }[];
}
