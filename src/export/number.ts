/** A number as plain decimal text, no exponent, no separators: `plainNumber(1.37e12)` → "1370000000000". */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = "", exp] = m;
  const digits = int + frac;
  const point = 1 + Number(exp);
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Units a magnitude word never goes before (5.2%, 0.5个百分点, 1.5倍). */
const NO_MAGNITUDE = new Set(["%", "‰", "个百分点", "倍", "番", ":1"]);
const MAGNITUDES: [number, string][] = [[1e12, "万亿"], [1e8, "亿"], [1e4, "万"]];

/**
 * A value as a person writes it, with the largest magnitude word (万亿, 亿, 万) that leaves at most
 * three decimals: `writtenValue(724800000000, "元")` → "7248亿元", `writtenValue(5.2, "%")` → "5.2%".
 * The review page's script has the same function (report-script.ts); a test keeps them equal.
 */
export function writtenValue(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const u = unit ?? "";
  if (!NO_MAGNITUDE.has(u)) {
    for (const [m, word] of MAGNITUDES) {
      if (Math.abs(value) < m) continue;
      const q = Number((value / m).toPrecision(12));
      if (Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6) return `${plainNumber(q)}${word}${u}`;
    }
  }
  return `${plainNumber(value)}${u}`;
}
