/**
 * Reads a region string as a chain of division names, each one inside the one before it (levels may
 * be skipped: 呼伦贝尔市海拉尔区, 上海市崇明区): every complete reading gives one candidate.
 */
import { townIndex, upperIndex, type Division } from "./data.js";
import { looksLikeTown, spellings } from "./names.js";

/** Longest name in the data is 24 characters. */
const MAX_NAME = 30;

type Lookup = (name: string) => readonly Division[];

/** Is `d` the division `above` or inside it? `isWithin(yantian, shenzhen)` → true. */
export function isWithin(d: Division, above: Division): boolean {
  for (let x: Division | null = d; x; x = x.parent) if (x === above) return true;
  return false;
}

/** Every division a complete reading of `s` ends on: `readChain("河北省石家庄市新华区", full)` → [130105]. */
function readChain(s: string, lookup: Lookup): Division[] {
  const memo = new Map<string, Division[]>();
  const go = (i: number, above: Division | null): Division[] => {
    const key = `${i}:${above?.code ?? ""}`;
    const known = memo.get(key);
    if (known) return known;
    const out = new Set<Division>();
    for (let j = i + 1; j <= Math.min(s.length, i + MAX_NAME); j++) {
      for (const d of lookup(s.slice(i, j))) {
        if (above && (d === above || !isWithin(d, above))) continue;
        if (j === s.length) out.add(d);
        else for (const r of go(j, d)) out.add(r);
      }
    }
    const list = [...out];
    memo.set(key, list);
    return list;
  };
  return s.length > 0 ? go(0, null) : [];
}

const EMPTY: readonly Division[] = [];

/** What a string can name, and whether it was read with short names (深圳 for 深圳市). */
export interface Reading {
  found: Division[];
  short: boolean;
}

/**
 * The divisions a cleaned region string can name, trying full names first, then the street level
 * (read only when the string may end on a town, or `wantTown`), then short names (深圳 for 深圳市):
 * `candidates("新华区", false).found` → three counties.
 */
export function candidates(s: string, wantTown: boolean): Reading {
  const up = upperIndex();
  const full: Lookup = (n) => up.byName.get(n) ?? EMPTY;
  const short: Lookup = (n) => [...(up.byName.get(n) ?? EMPTY), ...(up.byShort.get(n) ?? EMPTY)];
  const withTowns = (base: Lookup): Lookup => {
    const towns = townIndex();
    return (n) => {
      const t = towns.byName.get(n);
      return t ? [...base(n), ...t] : base(n);
    };
  };
  const forms = spellings(s);
  const towny = wantTown || forms.some(looksLikeTown);
  const tries: { make: () => Lookup; short: boolean }[] = [{ make: () => full, short: false }];
  if (towny) tries.push({ make: () => withTowns(full), short: false });
  tries.push({ make: () => short, short: true });
  if (towny) tries.push({ make: () => withTowns(short), short: true });
  for (const t of tries) {
    const lookup = t.make();
    for (const form of forms) {
      const found = readChain(form, lookup);
      if (found.length > 0) return { found, short: t.short };
    }
  }
  return { found: [], short: false };
}

/**
 * Of several divisions a short name reads as, the one all the others lie in, else null:
 * 长沙 → 长沙市 (长沙县 lies in it); 朝阳 → null (朝阳市, and 北京市朝阳区 outside it).
 */
export function enclosing(found: Division[]): Division | null {
  return found.find((top) => found.every((d) => isWithin(d, top))) ?? null;
}
