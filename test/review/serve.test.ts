import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SEED_ID } from "../helpers.js";

/** `zhibiao report --serve`: loopback only, GET of the site's pages, POST /review checked before it is saved. */
let tmp = "";
let child: ChildProcess | null = null;
let port = 0;

function http(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { ...(body ? { "Content-Type": "application/x-ndjson" } : {}), ...headers } }, (res) => {
      let data = "";
      res.setEncoding("utf8").on("data", (d: string) => (data += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data, type: String(res.headers["content-type"] ?? "") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "zhibiao-serve-"));
  child = spawn(process.execPath, [join(ROOT, "dist/cli.js"), "report", join(ROOT, "seeds", `${SEED_ID}.txt`), "--out", join(tmp, "site"), "--serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no serving line: ${stderr}`)), 60_000);
    child!.stderr!.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      const m = /serving .* on http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child!.on("exit", (code) => reject(new Error(`report --serve exited ${code}: ${stderr}`)));
  });
}, 90_000);
afterAll(() => {
  child?.kill("SIGTERM");
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("zhibiao report --serve", () => {
  it("serves the page, opened to post its review to this server only", async () => {
    const r = await http("GET", "/");
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/html/);
    expect(r.body).toContain("connect-src 'self'");
    expect(r.body).toContain("政府工作报告");
  });

  it("refuses another Host (DNS rebinding), another Origin, paths outside the site, and other methods", async () => {
    expect((await http("GET", "/", undefined, { Host: "evil.example:80" })).status).toBe(403);
    expect((await http("POST", "/review", "{}", { Origin: "http://evil.example" })).status).toBe(403);
    symlinkSync("/etc/passwd", join(tmp, "site", "passwd.html"));
    expect((await http("GET", "/passwd.html")).status).toBe(404);
    expect((await http("GET", "/../../../../etc/passwd")).status).toBe(404);
    expect((await http("GET", "/%2e%2e/%2e%2e/etc/hostname")).status).toBe(404);
    expect((await http("DELETE", "/report.html")).status).toBe(405);
  });

  it("checks a posted review before saving it: a bad file is refused by line and nothing is written", async () => {
    const bad = await http("POST", "/review", '{"zhibiao_review":2}\n{"verdict":"right"}\n');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/review\.jsonl:1/);
    expect(existsSync(join(tmp, "site", "review.jsonl"))).toBe(false);
  });

  it("reads a selection with the engine (POST /read), for the fields of an added figure", async () => {
    const text = "城镇新增就业1206万人，年末全国城镇调查失业率降到5.5%。";
    const start = text.indexOf("1206万人");
    const r = await http("POST", "/read", JSON.stringify({ text, start, end: start + 6 }));
    expect(r.status, r.body).toBe(200);
    expect(JSON.parse(r.body).fields).toMatchObject({ value: 12_060_000, unit: "人", kind: "quantity", qualifier: "exact", indicator: "城镇新增就业", indicator_code: "urban_new_jobs" });
    // a selection of part of a figure gets the figure that overlaps it most
    expect(JSON.parse((await http("POST", "/read", JSON.stringify({ text, start: text.indexOf("5.5"), end: text.indexOf("5.5") + 3 }))).body).fields).toMatchObject({ value: 5.5, unit: "%" });
    // the selection read alone when its paragraph gives no record there
    const alone = await http("POST", "/read", JSON.stringify({ text: "约1.2万亩", start: 0, end: 6 }));
    expect(JSON.parse(alone.body).fields).toMatchObject({ value: 12000, unit: "亩", qualifier: "approx" });
    // what the engine does not read as a figure (a span of years): null, and the page keeps its own guesses
    expect(JSON.parse((await http("POST", "/read", JSON.stringify({ text: "受教育年限从13.5年提高到14年", start: 6, end: 11 }))).body).fields).toBeNull();
    expect((await http("POST", "/read", JSON.stringify({ text: "x", start: 0, end: 5 }))).status).toBe(400);
    expect((await http("POST", "/read", "{", {})).status).toBe(400);
  });

  it("saves a good review to <dir>/review.jsonl", async () => {
    // the header an empty review of this site starts with, as the page writes it
    const header = { zhibiao_review: 1, tool: "zhibiao test", title: "t", saved: "2026-12-02T00:00:00.000Z", documents: [] };
    const ok = await http("POST", "/review", `${JSON.stringify(header)}\n`);
    expect(ok.status, ok.body).toBe(200);
    expect(ok.body).toMatch(/^saved 0 verdicts to .*review\.jsonl$/);
    expect(readFileSync(join(tmp, "site", "review.jsonl"), "utf8")).toBe(`${JSON.stringify(header)}\n`);
    writeFileSync(join(tmp, "site", "review.jsonl"), "");
  });
});
