import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildPanelHtml } from "../../src/export/panel-html.js";
import { joinPanel, type JoinResult } from "../../src/join/join.js";
import { panelDirection } from "../../src/join/direction.js";
import { PANEL_CODE_ORDER } from "../../src/join/catalogue.js";
import { findBinary } from "../export/helpers/binaries.js";
import { goldPanelRows, goldParents, tempDir } from "./helpers.js";

const CHROMIUM = findBinary("panel page in Chromium", ["/usr/bin/chromium", "/usr/bin/chromium-browser"], "apt-get install -y chromium fonts-noto-cjk");
const SCREENSHOT = fileURLToPath(new URL("../.tmp/panel.png", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/** The region × indicator series that have at least one value: one chart each. */
function expectedSeries(result: JoinResult): string[] {
  const codes = result.wide.columns.filter((c) => c.endsWith("_target")).map((c) => c.slice(0, -7));
  const out = new Set<string>();
  for (const row of result.wide.rows) {
    for (const code of codes) if (row[`${code}_target`] !== null || row[`${code}_actual`] !== null) out.add(`${row.region_code}|${code}`);
  }
  return [...out].sort();
}

describe.skipIf(!CHROMIUM)("panel.html in headless Chromium, from file://", () => {
  let dir = "";
  let browser: Browser;
  let page: Page;
  let result: JoinResult;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = tempDir("zhibiao-panel-page-");
    const parents = goldParents();
    result = joinPanel(goldPanelRows(), { directionOf: panelDirection, parentOf: (c) => parents.get(c) ?? null, order: PANEL_CODE_ORDER });
    const file = join(dir, "panel.html");
    writeFileSync(file, buildPanelHtml(result, { title: "黄金标准面板 · gold panel" }));
    browser = await chromium.launch({ executablePath: CHROMIUM ?? undefined, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads without errors, without a script and without any request beyond the file itself", async () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([expect.stringMatching(/^file:\/\/.*panel\.html$/)]);
    expect(await page.locator("script").count()).toBe(0);
  });

  it("has one chart per region × indicator, each with real marks of its series", async () => {
    const charts = await page.locator("figure.chart.series").evaluateAll((figs) =>
      figs.map((f) => {
        const marks = [...f.querySelectorAll('svg [ecmeta_ssr_type="chart"]')].filter((el) => {
          const box = (el as SVGGraphicsElement).getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        });
        const lines = [...f.querySelectorAll("svg path")].filter((el) => (el.getAttribute("d") ?? "").length > 4 && ["#d9822b", "#2b6cb0"].includes(el.getAttribute("stroke") ?? ""));
        return { key: `${f.getAttribute("data-region-code")}|${f.getAttribute("data-indicator")}`, marks: marks.length, lines: lines.length };
      }),
    );
    expect(charts.map((c) => c.key).sort()).toEqual(expectedSeries(result));
    for (const c of charts) expect(c.marks, c.key).toBeGreaterThan(0);
    // gdp_growth of the nation: targets and actuals of 9 reports, both lines drawn
    const national = charts.find((c) => c.key === "000000|gdp_growth");
    expect(national?.marks).toBeGreaterThanOrEqual(10);
    expect(national?.lines).toBeGreaterThanOrEqual(2 + 2); // two series lines, two legend lines
  });

  it("has a bar chart per period × indicator of levels, with bars", async () => {
    const bars = await page.locator("figure.chart.levels").evaluateAll((figs) =>
      figs.map((f) => [...f.querySelectorAll('svg path[ecmeta_ssr_type="chart"], svg rect[ecmeta_ssr_type="chart"]')].filter((el) => {
        const box = (el as SVGGraphicsElement).getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      }).length),
    );
    const drawn = result.levels.filter((l) => l.unit === l.parent_unit && l.unit === result.wide.units[`${l.indicator_code}_target`]);
    expect(drawn.length).toBeGreaterThan(0);
    expect(bars.length).toBe(new Set(drawn.map((l) => `${l.period}|${l.indicator_code}`)).size);
    for (const n of bars) expect(n).toBeGreaterThanOrEqual(2);
  });

  it("shows Chinese region and indicator names, in a CJK font", async () => {
    const texts = await page.locator("figure.chart.series svg text").allTextContents();
    expect(texts).toContain("地区生产总值增长率");
    expect(texts.some((t) => t.includes("广东省深圳市盐田区"))).toBe(true);
    expect(await page.locator("#attainment td", { hasText: "✓ 完成" }).count()).toBe(result.attainment.filter((a) => a.met).length);
    const cjk = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).stdout;
    if (cjk.trim()) {
      // a CJK glyph is a full em wide; a missing one falls back to a box of another width or nothing
      const width = await page.evaluate(() => {
        const c = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        c.font = `20px ${getComputedStyle(document.body).fontFamily}`;
        return c.measureText("国内生产总值").width;
      });
      expect(width).toBeGreaterThan(110);
      expect(width).toBeLessThan(130);
    }
  });

  it("writes a screenshot that is not empty", async () => {
    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.locator("#r-000000").scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);
  });
});
