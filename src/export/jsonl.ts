/** One JSON object a line, keys in schema order: `toJsonl([{a:1}])` → `{"a":1}\n`. */
export function toJsonl(rows: readonly object[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
}
