import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Kind } from "../model/record.js";
import type { RuleProblem } from "../rules/yaml-file.js";
import { readYaml } from "../rules/yaml-file.js";
import { IndicatorFileSchema, type IndicatorSpec } from "./catalogue-schema.js";

/** One catalogue entry, ready to use: its spec, where it was written, and its compiled patterns. */
export interface Indicator {
  readonly spec: IndicatorSpec;
  readonly file: string;
  readonly line: number | null;
  readonly patterns: readonly RegExp[];
  /** The kinds of record that give its value. */
  readonly kinds: ReadonlySet<Kind>;
}

/** The catalogue: every indicator by code, and the lookup from a form to the indicator it names. */
export interface Catalogue {
  readonly byCode: ReadonlyMap<string, Indicator>;
  /** Form (as records name it, scope words off) → code. */
  readonly forms: ReadonlyMap<string, string>;
  /** Index forms (居民消费价格指数) → code. */
  readonly indexForms: ReadonlyMap<string, string>;
  /** Weak forms (投资) → code: they name it only in a sentence listing main targets. */
  readonly weakForms: ReadonlyMap<string, string>;
  /** Entries with patterns, in catalogue order. */
  readonly patterned: readonly Indicator[];
  /** Codes in catalogue order (files sorted by name, entries in file order). */
  readonly order: readonly string[];
  /** What naming found for each phrase it was asked about (src/name/name.ts): a pure function's results, kept per process. */
  readonly memo: Map<string, unknown>;
}

const DEFAULT_KINDS: Record<IndicatorSpec["measure"], Kind[]> = {
  level: ["quantity"],
  growth: ["change", "rate"],
  rate: ["rate", "share"],
};

/**
 * Loads `<dir>/indicators/*.yaml` of each rule folder in order; a later folder adds codes and forms
 * (a form another code already has, or a code defined twice, is a problem naming file, line and code).
 * `loadCatalogue(["rules"], display)` → { catalogue, problems }.
 */
export function loadCatalogue(dirs: readonly string[], display: (f: string) => string): { catalogue: Catalogue; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const byCode = new Map<string, Indicator>();
  const forms = new Map<string, string>();
  const indexForms = new Map<string, string>();
  const weakForms = new Map<string, string>();
  const formOrigin = new Map<string, string>();
  const order: string[] = [];
  for (const dir of dirs) {
    const folder = join(dir, "indicators");
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = join(folder, name);
      const shown = display(file);
      const parsed = readYaml(file, IndicatorFileSchema, shown);
      problems.push(...parsed.problems);
      parsed.value?.indicators.forEach((spec, i) => {
        const line = parsed.lineOf(["indicators", i]);
        const at = (message: string) => problems.push({ file: shown, line, rule: `indicator ${spec.code}`, message });
        if (byCode.has(spec.code)) return at(`duplicate indicator code (also in ${byCode.get(spec.code)!.file})`);
        const patterns: RegExp[] = [];
        for (const src of spec.patterns ?? []) {
          try {
            patterns.push(new RegExp(`^(?:${src})$`));
          } catch (e) {
            at(`patterns: bad regular expression: ${(e as Error).message}`);
          }
        }
        for (const [list, map] of [[spec.forms, forms], [spec.index_forms ?? [], indexForms], [spec.weak_forms ?? [], weakForms]] as const) {
          for (const form of list) {
            const other = formOrigin.get(form);
            if (other && other !== spec.code) {
              at(`form '${form}' already names ${other}`);
              continue;
            }
            formOrigin.set(form, spec.code);
            map.set(form, spec.code);
          }
        }
        byCode.set(spec.code, Object.freeze({ spec, file: shown, line, patterns, kinds: new Set(spec.kinds ?? DEFAULT_KINDS[spec.measure]) }));
        order.push(spec.code);
      });
    }
  }
  // every cross-reference names a code of the catalogue
  for (const ind of byCode.values()) {
    const at = (message: string) => problems.push({ file: ind.file, line: ind.line, rule: `indicator ${ind.spec.code}`, message });
    if (ind.spec.growth && byCode.get(ind.spec.growth)?.spec.measure !== "growth") at(`growth: '${ind.spec.growth}' is not a growth indicator of the catalogue`);
    if (ind.spec.of && byCode.get(ind.spec.of)?.spec.measure !== "level") at(`of: '${ind.spec.of}' is not a level indicator of the catalogue`);
    if (ind.spec.measure === "level" && ind.spec.of) at("of: only a growth indicator is the growth of a level");
    if (ind.spec.measure !== "level" && ind.spec.growth) at("growth: only a level indicator has a growth");
  }
  const patterned = [...byCode.values()].filter((i) => i.patterns.length);
  return { catalogue: Object.freeze({ byCode, forms, indexForms, weakForms, patterned, order, memo: new Map<string, unknown>() }), problems };
}
