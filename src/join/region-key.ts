/** The fields of a row that place it in a region. */
export interface Placed {
  region: string | null;
  region_code: string | null;
}

/**
 * The key of a row's region series: its code when it has one, else its region string, else null (the
 * row joins nothing). The two kinds never collide: `regionKey({ region_code: "440300", region: "深圳市" })` → "code:440300".
 */
export function regionKey(row: Placed): string | null {
  if (row.region_code) return `code:${row.region_code}`;
  if (row.region) return `name:${row.region}`;
  return null;
}
