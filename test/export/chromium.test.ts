import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildReportHtml } from "../../src/export/report-html.js";
import { findBinary } from "./helpers/binaries.js";
import { DOC_ID, RECORDS, REPORT_PATH, REPORT_TEXT } from "../fixtures/export/records.js";
import { RECORD_COLUMNS } from "../../src/model/record.js";

const CHROMIUM = findBinary("review page in Chromium", ["/usr/bin/chromium", "/usr/bin/chromium-browser"], "apt-get install -y chromium fonts-noto-cjk");
const SCREENSHOT = fileURLToPath(new URL("../.tmp/report.png", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

describe.skipIf(!CHROMIUM)("report.html in headless Chromium, from file://", () => {
  let dir = "";
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  const mark = (raw: string) => page.locator(`mark.zb[data-r="${RECORDS.findIndex((r) => r.raw === raw)}"]`);
  const field = (name: string) => page.locator(`#panel dd[data-field="${name}"]`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zhibiao-page-"));
    const file = join(dir, "report.html");
    writeFileSync(file, buildReportHtml([{ doc_id: DOC_ID, path: REPORT_PATH, title: "示范镇政府工作报告", text: REPORT_TEXT, records: RECORDS }]));
    browser = await chromium.launch({ executablePath: CHROMIUM ?? undefined, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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

  it("loads without errors and without any request beyond the file itself", () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([expect.stringMatching(/^file:\/\/.*report\.html$/)]);
  });

  it("shows a figure's record on hover", async () => {
    await mark("78%").hover();
    await expect.poll(() => field("kind").textContent()).toBe("progress");
    expect(await field("indicator").textContent()).toBe("拆除数据库外存量违法建筑");
  });

  it("shows and pins the record of a clicked figure, with every field", async () => {
    await mark("14869 万元").click();
    expect(await field("value").textContent()).toBe("148690000");
    expect(await field("indicator").textContent()).toBe("税收收入");
    expect(await field("unit").textContent()).toBe("元");
    expect(await field("indicator_code").textContent()).toBe("tax_revenue");
    expect(await field("indicator_name").textContent()).toBe("税收收入");
    expect(await page.locator("#panel dd").count()).toBe(Object.keys(RECORDS[0]).length);
    expect(await page.locator("#panel dd").evaluateAll((dds) => dds.map((d) => (d as HTMLElement).dataset.field))).toEqual(RECORD_COLUMNS);
    expect(await page.locator("#panel-title").textContent()).toBe("数量 · 14869万元");
    expect(await page.locator("#panel-explain").textContent()).toBe(`zhibiao explain --file ${REPORT_PATH} --at ${RECORDS[6].start}`);
    await mark("36.2%").hover();
    expect(await field("value").textContent()).toBe("148690000");
    expect(await mark("14869 万元").getAttribute("class")).toContain("sel");
    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  it("colours figures by kind, and the legend hides a kind's colour", async () => {
    const bg = (raw: string) => mark(raw).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg("2500 平方米")).not.toBe(await bg("78%"));
    expect(await bg("2500 平方米")).toBe(await bg("24批"));
    const before = await bg("78%");
    await page.locator('.legend button[data-kind="progress"]').click();
    expect(await bg("78%")).toBe("rgba(0, 0, 0, 0)");
    expect(await bg("2500 平方米")).not.toBe("rgba(0, 0, 0, 0)");
    await page.locator('.legend button[data-kind="progress"]').click();
    expect(await bg("78%")).toBe(before);
  });

  it("filters and sorts the records table, and a row leads to its figure", async () => {
    const visible = () => page.locator("#records tbody tr:not([hidden])");
    await page.fill("#f-text", "税收");
    await expect.poll(() => visible().count()).toBe(2);
    await page.fill("#f-text", "");
    await page.selectOption("#f-kind", "rate");
    await expect.poll(() => visible().count()).toBe(2);
    await page.selectOption("#f-kind", "");
    expect(await visible().count()).toBe(RECORDS.length);
    const valueHeader = page.locator("#records thead th", { hasText: "数值" });
    await valueHeader.click();
    expect(await visible().first().locator("td.num").first().textContent()).toBe("-36.2%");
    await valueHeader.click();
    expect(await visible().first().locator("td.num").first().textContent()).toBe("1.37万亿斤");
    await visible().first().click();
    expect(await field("indicator").textContent()).toBe("粮食产量");
    expect(await mark("1.37万亿斤").getAttribute("class")).toContain("sel");
  });

  it("navigates by the outline", async () => {
    await page.locator("nav.outline a", { hasText: "下半年工作打算" }).click();
    expect(page.url()).toMatch(/#d0-h3$/);
    expect(await page.locator("#d0-h3").isVisible()).toBe(true);
  });
});
