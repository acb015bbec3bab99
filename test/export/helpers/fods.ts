/** A cell of a LibreOffice flat ODS sheet: its type and its value as LibreOffice stored it. */
export interface FodsCell {
  type: "float" | "percentage" | "string" | "boolean" | "date" | "empty" | string;
  /** office:value for numbers (float, percentage, currency), office:boolean-value for booleans, the text for strings. */
  value: string;
  formula: string | null;
}

const decode = (s: string): string =>
  s.replace(/<text:line-break\/>/g, "\n").replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) => " ".repeat(Number(n ?? 1))).replace(/<text:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const attr = (tag: string, name: string): string | null => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The rows of the first sheet of a .fods file, each cell typed (repeated cells expanded, trailing empties kept short). */
export function readFods(xml: string): FodsCell[][] {
  const table = /<table:table [\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? "";
  const rows: FodsCell[][] = [];
  for (const rowM of table.matchAll(/<table:table-row[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const row: FodsCell[] = [];
    for (const c of (rowM[1] ?? "").matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const tag = c[1];
      const type = attr(tag, "office:value-type") ?? "empty";
      const text = [...(c[2] ?? "").matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => decode(p[1])).join("\n");
      const value = type === "float" || type === "percentage" || type === "currency" ? attr(tag, "office:value") ?? "" : type === "boolean" ? attr(tag, "office:boolean-value") ?? "" : text;
      const cell = { type, value, formula: attr(tag, "table:formula") };
      const repeat = Math.min(Number(attr(tag, "table:number-columns-repeated") ?? 1), 64);
      for (let i = 0; i < repeat; i++) row.push(cell);
    }
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c.type === "empty")) rows.pop();
  return rows;
}
