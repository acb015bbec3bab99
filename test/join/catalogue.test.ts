import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/name/catalogue.js";
import { BUILTIN_RULES_DIR } from "../../src/rules/load.js";
import { PANEL_CAP_CODES, PANEL_DOWN_CODES, panelDirection } from "../../src/join/direction.js";
import { joinCatalogue, PANEL_CODE_ORDER } from "../../src/join/catalogue.js";

/**
 * The join's fallbacks for a code the loaded catalogue lacks (PANEL.md's directions and order) must say
 * what the built-in catalogue says: the two are kept in step by this test, not by hand.
 */
describe("the join's PANEL.md fallbacks agree with rules/indicators", () => {
  const { catalogue, problems } = loadCatalogue([BUILTIN_RULES_DIR], String);

  it("loads cleanly", () => expect(problems).toEqual([]));

  it("every cap and down code of the fallback is that in the catalogue, and no other code is", () => {
    for (const [code, ind] of catalogue.byCode) expect(panelDirection(code), code).toBe(ind.spec.direction);
    for (const code of [...PANEL_CAP_CODES, ...PANEL_DOWN_CODES]) expect(catalogue.byCode.has(code), code).toBe(true);
  });

  it("the fallback order names every catalogue code once, so the join orders the catalogue's codes as PANEL.md does", () => {
    expect(new Set(PANEL_CODE_ORDER).size).toBe(PANEL_CODE_ORDER.length);
    expect([...PANEL_CODE_ORDER].sort()).toEqual([...catalogue.byCode.keys()].sort());
    expect(joinCatalogue(catalogue).order).toEqual(PANEL_CODE_ORDER);
  });
});
