#!/usr/bin/env node
// npm run bench: builds a corpus of ≥1,000 reports in a temp folder from the texts of ../shared,
// runs the whole CLI over it at --jobs 1 and --jobs 2, and compares with nodejieba `cut` and
// Microsoft Recognizers-Text. Not a test: it prints figures (and writes bench/results.json).
// Options: --reports N (default 1000), --keep (keep the temp folder), --rt-sample CHARS (default 300000),
// --rounds N (default 3: the streaming runs are repeated in interleaved rounds and the median taken),
// --only update (only extract --update over 10 × --reports reports),
// --only page (only the review site of the 1,000 reports: index size and page open times in Chromium).
// --memory-only (only the two peak-memory cases: a 60 MB report and a 5 MB figure-dense line).
import { execFileSync, spawn } from "node:child_process";
import { cpus, availableParallelism, tmpdir } from "node:os";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createHash } from "node:crypto";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const require = createRequire(join(ROOT, "package.json"));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(args[i + 1]);
};
const REPORTS = opt("reports", 1000);
const RT_SAMPLE = opt("rt-sample", 300_000);
const KEEP = args.includes("--keep");
const ROUNDS = Math.max(1, opt("rounds", 3));
const SHARED = process.env.ZHIBIAO_SHARED ?? join(ROOT, "..", "shared");
const MEMORY_ONLY = args.includes("--memory-only");

function log(s) {
  process.stderr.write(`${s}\n`);
}

// 1. Build.
log("building dist/ …");
try {
  execFileSync("npx", ["tsc", "-p", "."], { cwd: ROOT, stdio: "pipe" });
} catch {
  // type errors elsewhere do not stop tsc from emitting
}
const CLI = join(ROOT, "dist/cli.js");
if (!existsSync(CLI)) throw new Error("dist/cli.js missing after build");

/** A hash of dist/ and rules/: another build during the bench would make the runs incomparable. */
function codeHash() {
  const h = createHash("sha256");
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ya?ml|txt|utf8|json)$/.test(e.name)) h.update(p).update(readFileSync(p));
    }
  };
  walk(join(ROOT, "dist"));
  walk(join(ROOT, "rules"));
  return h.digest("hex").slice(0, 16);
}
const codeBefore = codeHash();

// 2. Corpus: variants of the shared reports (paragraphs rotated, trimmed, years shifted), a tenth in
//    GB18030 and a tenth in UTF-16 so the readers are exercised too.
const sources = ["seeds", "corpus"].flatMap((d) => {
  const dir = join(SHARED, d);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(dir, f), "utf8").replace(/^\uFEFF/, "")) : [];
});
if (!sources.length) throw new Error(`no .txt reports under ${SHARED}/seeds or ${SHARED}/corpus`);
const iconv = require("iconv-lite");
const tmp = mkdtempSync(join(tmpdir(), "zhibiao-bench-"));
const corpusDir = join(tmp, "corpus");
mkdirSync(corpusDir);
const texts = [];
for (let i = 0; i < REPORTS; i++) {
  const src = sources[i % sources.length];
  const paras = src.split("\n");
  const cut = (i * 7) % Math.max(1, Math.floor(paras.length / 10));
  const shift = Math.floor(i / sources.length) % 5;
  const text = paras.slice(0, paras.length - cut).join("\n").replace(/20(\d\d)年/g, (_, y) => `20${String(Number(y) + shift).padStart(2, "0")}年`);
  texts.push(text);
  const name = join(corpusDir, `r${String(i).padStart(4, "0")}.txt`);
  if (i % 10 === 3) writeFileSync(name, iconv.encode(text, "gb18030"));
  else if (i % 10 === 7) writeFileSync(name, iconv.encode(text, "utf-16le", { addBOM: true }));
  else writeFileSync(name, text);
}
const totalChars = texts.reduce((n, t) => n + t.length, 0);
log(`corpus: ${REPORTS} reports, ${(totalChars / 1e6).toFixed(1)} M chars in ${corpusDir}`);

/**
 * The review site of every report (zhibiao report): the time to write it, the index page's size, and
 * how long the index and document pages take to open in headless Chromium (navigation start → the
 * page's script done, body[data-ready]), for the largest pages and ten spread over the run.
 */
async function pageBench() {
  const site = join(tmp, "site");
  const t0 = performance.now();
  execFileSync(process.execPath, [CLI, "report", corpusDir, "--out", site, "--quiet"], { stdio: "pipe", maxBuffer: 64 * 2 ** 20 });
  const writeSecs = (performance.now() - t0) / 1000;
  const { statSync } = await import("node:fs");
  const pages = readdirSync(join(site, "docs")).sort().map((f) => ({ f, bytes: statSync(join(site, "docs", f)).size }));
  const indexBytes = statSync(join(site, "report.html")).size;
  const bySize = [...pages].sort((a, b) => b.bytes - a.bytes);
  const picks = [...new Set([...bySize.slice(0, 5), ...Array.from({ length: 10 }, (_, i) => pages[Math.floor((i * pages.length) / 10)])])];
  const out = { reports: pages.length, writeSecs, indexBytes, pageBytesMax: bySize[0].bytes, pageBytesMedian: bySize[Math.floor(bySize.length / 2)].bytes, opens: [] , indexOpenMs: null };
  const chromiumPath = "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    log("review pages: /usr/bin/chromium not found; open times not measured");
    return out;
  }
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const open = async (file) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t = performance.now();
    await page.goto(`file://${file}`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 30_000 });
    const ms = performance.now() - t;
    await page.close();
    return ms;
  };
  await open(join(site, "docs", pages[0].f)); // warm the browser up
  out.indexOpenMs = await open(join(site, "report.html"));
  for (const p of picks) out.opens.push({ page: p.f, bytes: p.bytes, ms: await open(join(site, "docs", p.f)) });
  await browser.close();
  const ms = out.opens.map((o) => o.ms).sort((a, b) => a - b);
  out.openMsMedian = ms[Math.floor(ms.length / 2)];
  out.openMsMax = ms[ms.length - 1];
  return out;
}
const pageLine = (p) => `review site (zhibiao report, ${p.reports} reports): written in ${p.writeSecs.toFixed(1)} s; index ${(p.indexBytes / 1024).toFixed(0)} KB; document pages median ${(p.pageBytesMedian / 1024).toFixed(0)} KB, largest ${(p.pageBytesMax / 1024).toFixed(0)} KB; open in headless Chromium: index ${p.indexOpenMs?.toFixed(0) ?? "?"} ms, ${p.opens.length} document pages (the 5 largest and 10 spread) median ${p.openMsMedian?.toFixed(0) ?? "?"} ms, slowest ${p.openMsMax?.toFixed(0) ?? "?"} ms`;
if (args.includes("--only") && args[args.indexOf("--only") + 1] === "page") {
  const p = await pageBench();
  process.stdout.write(`${pageLine(p)}\n`);
  writeFileSync(join(ROOT, "bench/page-results.json"), `${JSON.stringify(p, null, 2)}\n`);
  if (!KEEP) rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const TASKSET = existsSync("/usr/bin/taskset") ? "/usr/bin/taskset" : null;

/**
 * Runs the CLI. Under /usr/bin/time when there is one: wall, user and system CPU seconds and peak RSS
 * (ru_maxrss, the whole process with its worker threads). Otherwise /proc/<pid>/status VmHWM is polled.
 */
function runCli(cliArgs, { stdoutTo = "ignore", cpu = null } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let cmd = TIME ? [TIME, ["-f", "__time__ %e %U %S %M", process.execPath, CLI, ...cliArgs]] : [process.execPath, [CLI, ...cliArgs]];
    // pinned to one CPU (taskset): the process and all its threads, V8's GC helpers included, share it
    if (cpu !== null) cmd = [TASKSET, ["-c", String(cpu), cmd[0], ...cmd[1]]];
    const child = spawn(cmd[0], cmd[1], { cwd: ROOT, stdio: ["ignore", stdoutTo, "pipe"] });
    let stderr = "";
    let hwm = 0;
    child.stderr.on("data", (d) => (stderr += d));
    const poll = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) hwm = Math.max(hwm, Number(m[1]) * 1024);
      } catch {
        // the process has exited
      }
    };
    const timer = TIME ? null : setInterval(poll, 20);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (timer) clearInterval(timer);
      const secs = (performance.now() - t0) / 1000;
      const m = /__time__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      if (m) {
        const exit = /Command exited with non-zero status (\d+)/.exec(stderr);
        resolve({ code: exit ? Number(exit[1]) : code, secs: Number(m[1]), cpuSecs: Number(m[2]) + Number(m[3]), peakRss: Number(m[4]) * 1024, stderr });
      } else resolve({ code, secs, cpuSecs: null, peakRss: hwm, stderr });
    });
  });
}

/**
 * extract --update: a folder of 10 × REPORTS reports (the corpus in ten subfolders) extracted in full,
 * the disk synced (the full run was not just now: its 3 GB are on disk, not dirty in the page cache),
 * then ten new reports added and the folder updated, then updated again with nothing changed; the
 * update's output is checked byte for byte against a full run over the same inputs.
 */
async function updateBench() {
  const COPIES = 10;
  const collection = join(tmp, "collection");
  for (let k = 0; k < COPIES; k++) {
    mkdirSync(join(collection, `c${k}`), { recursive: true });
    for (const name of readdirSync(corpusDir)) writeFileSync(join(collection, `c${k}`, name), readFileSync(join(corpusDir, name)));
  }
  const out = join(tmp, "update-out");
  log(`zhibiao extract over ${COPIES * REPORTS} reports (full run, to update) …`);
  const full = await runCli(["extract", collection, "--out", out, "--quiet"]);
  if (full.code !== 0) throw new Error(`full extract exited ${full.code}: ${full.stderr}`);
  mkdirSync(join(collection, "new"), { recursive: true });
  for (let i = 0; i < 10; i++) writeFileSync(join(collection, "new", `n${i}.txt`), texts[(i * 37) % texts.length].replace(/。/g, (m, at) => (at % 97 === 0 ? "；" : m)));
  execFileSync("sync");
  log(`zhibiao extract --update: 10 reports added to ${COPIES * REPORTS} …`);
  const upd = await runCli(["extract", collection, "--out", out, "--update"]);
  if (upd.code !== 0) throw new Error(`extract --update exited ${upd.code}: ${upd.stderr}`);
  execFileSync("sync");
  const unchanged = await runCli(["extract", collection, "--out", out, "--update"]);
  const check = join(tmp, "update-check");
  log("… and a full run over the same inputs, to compare byte for byte");
  const again = await runCli(["extract", collection, "--out", check, "--quiet"]);
  const files = ["records.csv", "records.jsonl", "statements.csv", "documents.jsonl", "documents.csv", "diagnostics.jsonl", "panel.jsonl", "panel.csv", "run.json"];
  const identical = again.code === 0 && files.every((f) => readFileSync(join(out, f)).equals(readFileSync(join(check, f))));
  const bytes = files.reduce((n, f) => n + readFileSync(join(out, f)).length, 0);
  const result = {
    reports: COPIES * REPORTS + 10, added: 10, fullSecs: full.secs, fullPeakRssMB: full.peakRss / 2 ** 20,
    updateSecs: upd.secs, updateCpuSecs: upd.cpuSecs, updatePeakRssMB: upd.peakRss / 2 ** 20, unchangedSecs: unchanged.secs,
    fullAgainSecs: again.secs, outputMB: bytes / 2 ** 20, identical, summary: upd.stderr.split("\n").filter((l) => l.startsWith("zhibiao:")).at(-1) ?? "",
  };
  rmSync(collection, { recursive: true, force: true });
  rmSync(check, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return result;
}
const updateLine = (u) => `extract --update, 10 reports added to ${u.reports - 10}: ${u.updateSecs.toFixed(1)} s wall (${u.updateCpuSecs?.toFixed(1) ?? "?"} CPU s, peak RSS ${u.updatePeakRssMB.toFixed(0)} MB), nothing changed ${u.unchangedSecs.toFixed(1)} s; the full run ${u.fullSecs.toFixed(1)} s (again ${u.fullAgainSecs.toFixed(1)} s); output ${u.outputMB.toFixed(0)} MB; identical to a full run: ${u.identical}; ${u.summary}`;
if (args.includes("--only") && args[args.indexOf("--only") + 1] === "update") {
  const u = await updateBench();
  process.stdout.write(`${updateLine(u)}\n`);
  if (!KEEP) rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

/** Wall and CPU seconds of a function run in this process. */
function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(c0);
  return { value, secs: (performance.now() - t0) / 1000, cpuSecs: (cpu.user + cpu.system) / 1e6 };
}

/**
 * Peak memory of one huge document, extracted alone (`--jobs 1 --out <dir>`): (a) the largest real
 * report repeated to 60 MB, (b) a 5 MB line of figures without punctuation (税收收入14869万元城镇新增就业1200万人
 * repeated), whose every record would carry a 1,500-character sentence but for the record's
 * sentence window. Wall s, peak RSS, exit code, records and the output's size against the input's.
 */
async function memoryCases() {
  const largest = sources.slice().sort((a, b) => Buffer.byteLength(b) - Buffer.byteLength(a))[0];
  const dense = "税收收入14869万元城镇新增就业1200万人";
  const cases = [
    { key: "report60MB", name: "a 60 MB report (the largest real report repeated)", text: Array(Math.ceil((60 * 2 ** 20) / (Buffer.byteLength(largest) + 1))).fill(largest).join("\n") },
    { key: "dense5MB", name: "a 5 MB figure-dense line without punctuation", text: dense.repeat(Math.ceil((5 * 2 ** 20) / Buffer.byteLength(dense))) },
  ];
  const out = {};
  for (const c of cases) {
    const file = join(tmp, `${c.key}.txt`);
    writeFileSync(file, c.text);
    const dir = join(tmp, `out-${c.key}`);
    log(`zhibiao extract ${c.name} --jobs 1 --out <dir> …`);
    const r = await runCli(["extract", file, "--out", dir, "--jobs", "1", "--quiet"]);
    const inBytes = Buffer.byteLength(c.text);
    const outBytes = ["records.jsonl", "records.csv", "statements.csv"].reduce((n, f) => n + (existsSync(join(dir, f)) ? readFileSync(join(dir, f)).length : 0), 0);
    const records = existsSync(join(dir, "documents.jsonl")) ? (JSON.parse(readFileSync(join(dir, "documents.jsonl"), "utf8").split("\n")[0] || "{}").record_count ?? null) : null;
    out[c.key] = { name: c.name, inputMB: inBytes / 2 ** 20, exit: r.code, secs: r.secs, cpuSecs: r.cpuSecs, peakRssMB: r.peakRss / 2 ** 20, records, outputMB: outBytes / 2 ** 20, outputFactor: outBytes / inBytes };
    rmSync(dir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
  return out;
}
const memoryLine = (m) => `${m.name}: exit ${m.exit}, ${m.secs.toFixed(1)} s, peak RSS ${m.peakRssMB.toFixed(0)} MB, ${m.records ?? "?"} records, output ${m.outputMB.toFixed(0)} MB (${m.outputFactor.toFixed(1)}× the input)`;

if (MEMORY_ONLY) {
  const memory = await memoryCases();
  process.stdout.write(`${Object.values(memory).map(memoryLine).join("\n")}\n`);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

const results = { machine: {}, corpus: { reports: REPORTS, chars: totalChars }, runs: {}, baselines: {}, targets: {} };
results.machine = {
  nproc: availableParallelism(),
  cpu: (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? "unknown",
  node: process.version,
};

// 3. The whole CLI at --jobs 1 and --jobs 2: streaming JSONL to /dev/null (extraction alone), then
//    writing the dataset files (records.csv, records.jsonl, statements.csv, documents, diagnostics).
results.machine.loadavgBefore = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
// Streaming runs: --jobs 1, --jobs 2, and --jobs 1 pinned to one CPU (what one core does alone: unpinned,
// one worker also gets part of the second core for V8's GC threads and the main thread). The machine is
// shared, so they run in interleaved rounds and each figure is the round with the median wall time.
const streamRuns = [
  { key: "stream1", jobs: 1, cpu: null, cores: 1 },
  { key: "stream2", jobs: 2, cpu: null, cores: 2 },
  ...(TASKSET && availableParallelism() >= 2 ? [{ key: "stream1OneCore", jobs: 1, cpu: 0, cores: 1 }] : []),
];
const rounds = Object.fromEntries(streamRuns.map((c) => [c.key, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const c of streamRuns) {
    log(`zhibiao extract --jobs ${c.jobs} --out -${c.cpu !== null ? " (pinned to one CPU)" : ""} … round ${round}/${ROUNDS}`);
    const r = await runCli(["extract", corpusDir, "--out", "-", "--jobs", String(c.jobs), "--quiet"], { cpu: c.cpu });
    if (r.code !== 0) throw new Error(`streaming run --jobs ${c.jobs} exited ${r.code}: ${r.stderr}`);
    rounds[c.key].push(r);
  }
}
for (const c of streamRuns) {
  const all = rounds[c.key].slice().sort((a, b) => a.secs - b.secs);
  const r = all[Math.floor((all.length - 1) / 2)];
  results.runs[c.key] = {
    secs: r.secs,
    cpuSecs: r.cpuSecs,
    charsPerSec: totalChars / r.secs,
    charsPerSecPerCore: totalChars / r.secs / c.cores,
    charsPerCpuSec: r.cpuSecs ? totalChars / r.cpuSecs : null,
    reportsPerSec: REPORTS / r.secs,
    peakRssMB: Math.max(...all.map((x) => x.peakRss)) / 2 ** 20,
    roundsSecs: rounds[c.key].map((x) => x.secs),
  };
}
for (const jobs of [1, 2]) {
  const out = join(tmp, `out-j${jobs}`);
  log(`zhibiao extract --jobs ${jobs} --out <dir> …`);
  const r = await runCli(["extract", corpusDir, "--out", out, "--jobs", String(jobs), "--quiet"]);
  if (r.code !== 0) throw new Error(`extract --jobs ${jobs} exited ${r.code}: ${r.stderr}`);
  const records = readFileSync(join(out, "records.jsonl"), "utf8").split("\n").filter(Boolean).length;
  results.runs[`jobs${jobs}`] = { secs: r.secs, cpuSecs: r.cpuSecs, charsPerSec: totalChars / r.secs, charsPerSecPerCore: totalChars / r.secs / jobs, charsPerCpuSec: r.cpuSecs ? totalChars / r.cpuSecs : null, reportsPerSec: REPORTS / r.secs, peakRssMB: r.peakRss / 2 ** 20, records };
}
const same = ["records.csv", "records.jsonl", "statements.csv", "documents.jsonl", "diagnostics.jsonl", "panel.jsonl", "panel.csv"].every((f) => readFileSync(join(tmp, "out-j1", f)).equals(readFileSync(join(tmp, "out-j2", f))));
results.runs.identicalAcrossJobs = same;
results.codeChangedDuringRuns = codeHash() !== codeBefore;
if (results.codeChangedDuringRuns) log("warning: dist/ or rules/ changed during the runs (another build ran): the figures and the identity check mix two versions");

// 4a. zhibiao panel over the outputs of 10,000 reports: the 1,000-report output copied into 10 folders,
// each copy another set of reports (doc ids, sha256 and region codes rewritten), then joined at once.
{
  const JOIN_COPIES = 10;
  const docs = readFileSync(join(tmp, "out-j1", "documents.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const cells = readFileSync(join(tmp, "out-j1", "panel.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const dirs = [];
  for (let k = 0; k < JOIN_COPIES; k++) {
    const dir = join(tmp, `join-in-${k}`);
    mkdirSync(dir, { recursive: true });
    const id = (d) => `${d}_c${k}`;
    // a region code per copy and report, so the join has 10,000 regions' series to build
    const code = (c, i) => (c ? String(100000 + ((Number(c) + k * 7919 + i) % 800000)).padStart(6, "0") : c);
    writeFileSync(join(dir, "documents.jsonl"), docs.map((d, i) => JSON.stringify({ ...d, doc_id: id(d.doc_id), sha256: createHash("sha256").update(`${d.sha256}${k}`).digest("hex"), region_code: code(d.region_code, i % 97) })).join("\n") + "\n");
    const index = new Map(docs.map((d, i) => [d.doc_id, i % 97]));
    writeFileSync(join(dir, "panel.jsonl"), cells.map((c) => JSON.stringify({ ...c, doc_id: id(c.doc_id), region_code: code(c.region_code, index.get(c.doc_id) ?? 0) })).join("\n") + "\n");
    dirs.push(dir);
  }
  log(`zhibiao panel over ${JOIN_COPIES * docs.length} reports (${JOIN_COPIES * cells.length} cells) …`);
  const r = await runCli(["panel", ...dirs, "--out", join(tmp, "join-out"), "--quiet"]);
  if (r.code !== 0) throw new Error(`zhibiao panel exited ${r.code}: ${r.stderr}`);
  results.runs.panelJoin = { reports: JOIN_COPIES * docs.length, cells: JOIN_COPIES * cells.length, secs: r.secs, cpuSecs: r.cpuSecs, peakRssMB: r.peakRss / 2 ** 20 };
}

// 4b. extract --update (updateBench above).
results.runs.update = await updateBench();
// 4b. Peak memory of one huge document: a 60 MB report, a 5 MB figure-dense line.
results.runs.memory = await memoryCases();

// 4. Cold start: process start → exit for one report, best and median of 5.
{
  const one = join(corpusDir, "r0000.txt");
  const times = [];
  for (let i = 0; i < 5; i++) times.push((await runCli(["extract", one, "--out", join(tmp, "out-one"), "--jobs", "1", "--quiet"])).secs);
  times.sort((a, b) => a - b);
  results.runs.coldStart = { bestSecs: times[0], medianSecs: times[2] };
}

// 5. nodejieba plain cut over the same texts, one core (dictionary load not timed).
{
  const nodejieba = require("nodejieba");
  const t0 = performance.now();
  nodejieba.load();
  const loadSecs = (performance.now() - t0) / 1000;
  const { value: tokens, secs, cpuSecs } = timed(() => {
    let n = 0;
    for (const t of texts) n += nodejieba.cut(t).length;
    return n;
  });
  results.baselines.jiebaCut = { secs, cpuSecs, charsPerSec: totalChars / secs, charsPerCpuSec: totalChars / cpuSecs, tokens, loadSecs };
}

// 6. Recognizers-Text, Chinese number + number-with-unit models, paragraph by paragraph over a sample.
{
  const R = require("@microsoft/recognizers-text-suite");
  const zh = R.Culture.Chinese;
  const fns = [R.recognizeNumber, R.recognizePercentage, R.recognizeCurrency, R.recognizeDimension];
  for (const f of fns) f("增长5.2%，投资1244万元，面积3平方公里", zh); // warm up: models are built on first use
  const paras = [];
  let chars = 0;
  for (const t of texts) {
    for (const p of t.split("\n")) {
      if (!p.trim()) continue;
      paras.push(p);
      chars += p.length;
      if (chars >= RT_SAMPLE) break;
    }
    if (chars >= RT_SAMPLE) break;
  }
  const { value: found, secs, cpuSecs } = timed(() => {
    let n = 0;
    for (const p of paras) for (const f of fns) n += f(p, zh).length;
    return n;
  });
  results.baselines.recognizers = { sampleChars: chars, paragraphs: paras.length, secs, cpuSecs, charsPerSec: chars / secs, charsPerCpuSec: chars / cpuSecs, found };
}

// 6b. The review site of the 1,000 reports.
log("review site: zhibiao report over the corpus, pages opened in Chromium …");
results.runs.reviewSite = await pageBench();

// 7. Targets: throughput and scaling from the streaming runs (extraction end to end, without the
//    single-threaded dataset writer); peak RSS from every run.
results.machine.loadavgAfter = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const j1 = results.runs.jobs1;
const j2 = results.runs.jobs2;
const s1 = results.runs.stream1;
const s2 = results.runs.stream2;
results.targets = {
  vsJiebaCut: { value: s1.charsPerSecPerCore / results.baselines.jiebaCut.charsPerSec, target: 0.5 },
  scaling2: { value: s2.charsPerSec / s1.charsPerSec, target: 1.7 },
  scaling2WithWriter: { value: j2.charsPerSec / j1.charsPerSec, target: 1.7 },
  ...(results.runs.stream1OneCore
    ? { scalingPerCore: { value: s2.charsPerSec / results.runs.stream1OneCore.charsPerSec, target: 1.7, note: "--jobs 2 on two cores / --jobs 1 pinned to one core" } }
    : {}),
  coldStartSecs: { value: results.runs.coldStart.medianSecs, target: 1.5, lowerIsBetter: true },
  peakRssMBStream1: { value: s1.peakRssMB, target: 400, lowerIsBetter: true },
  peakRssMBStream2: { value: s2.peakRssMB, target: 400, lowerIsBetter: true },
  peakRssMBDataset: { value: Math.max(j1.peakRssMB, j2.peakRssMB), target: 400, lowerIsBetter: true },
  vsRecognizers: { value: s1.charsPerSecPerCore / results.baselines.recognizers.charsPerSec, target: 50 },
  reviewIndexKB: { value: results.runs.reviewSite.indexBytes / 1024, target: 1024, lowerIsBetter: true, note: "index page of the 1,000-report review site" },
  ...(results.runs.reviewSite.openMsMax !== undefined ? { reviewPageOpenMs: { value: results.runs.reviewSite.openMsMax, target: 1000, lowerIsBetter: true, note: "slowest document page to open in headless Chromium" } } : {}),
  panelJoinSecs10k: { value: results.runs.panelJoin.secs, target: 60, lowerIsBetter: true, note: `zhibiao panel over ${results.runs.panelJoin.reports} reports` },
  updateSecs10k: { value: results.runs.update.updateSecs, target: 10, lowerIsBetter: true, note: `extract --update: 10 reports added to ${results.runs.update.reports - 10}` },
  peakRssMBReport60MB: { value: results.runs.memory.report60MB.peakRssMB, target: 1500, lowerIsBetter: true, note: results.runs.memory.report60MB.name },
  peakRssMBDense5MB: { value: results.runs.memory.dense5MB.peakRssMB, target: 1500, lowerIsBetter: true, note: results.runs.memory.dense5MB.name },
};
if (s1.charsPerCpuSec && s2.cpuSecs) {
  // Per CPU-second figures do not depend on how busy the machine is: the ratios an idle machine would show.
  results.targets.vsJiebaCutPerCpuSec = { value: s1.charsPerCpuSec / results.baselines.jiebaCut.charsPerCpuSec, target: 0.5 };
  results.targets.scaling2Bound = { value: (2 * s1.cpuSecs) / s2.cpuSecs, target: 1.7, note: "2 × CPU s at --jobs 1 / CPU s at --jobs 2: the scaling two idle cores would give" };
  results.targets.vsRecognizersPerCpuSec = { value: s1.charsPerCpuSec / results.baselines.recognizers.charsPerCpuSec, target: 50 };
}

const row = (name, r) => `| ${name} | ${r.secs.toFixed(2)} | ${r.cpuSecs?.toFixed(2) ?? "?"} | ${f(r.charsPerSec)} | ${f(r.charsPerSecPerCore)} | ${r.charsPerCpuSec ? f(r.charsPerCpuSec) : "?"} | ${r.reportsPerSec.toFixed(1)} | ${r.peakRssMB.toFixed(0)} |`;
const f = (n, d = 2) => (n >= 1e6 ? `${(n / 1e6).toFixed(d)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(d)} k` : n.toFixed(d));
const lines = [
  `machine: ${results.machine.nproc} cores, ${results.machine.cpu}, node ${results.machine.node}; load average before ${results.machine.loadavgBefore}, after ${results.machine.loadavgAfter}`,
  `corpus: ${REPORTS} reports, ${f(totalChars)} chars; records: ${j1.records}; outputs identical at --jobs 1/2: ${same}${results.codeChangedDuringRuns ? " (dist/ or rules/ changed during the runs: not comparable)" : ""}`,
  "",
  "| run | wall s | CPU s | chars/s | chars/s/core | chars/CPU-s | reports/s | peak RSS MB |",
  "|---|---|---|---|---|---|---|---|",
  row("--jobs 1 --out -", s1),
  row("--jobs 2 --out -", s2),
  ...(results.runs.stream1OneCore ? [row("--jobs 1 --out -, one CPU (taskset)", results.runs.stream1OneCore)] : []),
  row("--jobs 1 --out dir", j1),
  row("--jobs 2 --out dir", j2),
  "",
  `streaming runs: median of ${ROUNDS} interleaved rounds; wall s per round: ${streamRuns.map((c) => `${c.key} ${results.runs[c.key].roundsSecs.map((x) => x.toFixed(2)).join("/")}`).join(", ")}`,
  `zhibiao panel over ${results.runs.panelJoin.reports} reports (${results.runs.panelJoin.cells} cells, 10 folders): ${results.runs.panelJoin.secs.toFixed(1)} s wall, ${results.runs.panelJoin.cpuSecs?.toFixed(1) ?? "?"} CPU s, peak RSS ${results.runs.panelJoin.peakRssMB.toFixed(0)} MB`,
  updateLine(results.runs.update),
  pageLine(results.runs.reviewSite),
  ...Object.values(results.runs.memory).map(memoryLine),
  `cold start, one report: median ${results.runs.coldStart.medianSecs.toFixed(2)} s (best ${results.runs.coldStart.bestSecs.toFixed(2)} s)`,
  `nodejieba cut: ${f(results.baselines.jiebaCut.charsPerSec)} chars/s, ${f(results.baselines.jiebaCut.charsPerCpuSec)} chars/CPU-s (dictionary load ${results.baselines.jiebaCut.loadSecs.toFixed(2)} s, not timed)`,
  `Recognizers-Text (number, percentage, currency, dimension; ${results.baselines.recognizers.paragraphs} paragraphs, ${f(results.baselines.recognizers.sampleChars)} chars): ${f(results.baselines.recognizers.charsPerSec)} chars/s, ${f(results.baselines.recognizers.charsPerCpuSec)} chars/CPU-s`,
  "",
  "| target | measured | goal | met |",
  "|---|---|---|---|",
  ...Object.entries(results.targets).map(([k, t]) => `| ${k} | ${t.value.toFixed(2)} | ${t.lowerIsBetter ? "≤" : "≥"} ${t.target} | ${(t.lowerIsBetter ? t.value <= t.target : t.value >= t.target) ? "yes" : "**no**"} |`),
];
process.stdout.write(`${lines.join("\n")}\n`);
writeFileSync(join(ROOT, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
if (KEEP) log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
