import { createHash } from "node:crypto";
import { KindSchema, QUALIFIERS, RECORD_COLUMNS, StatusSchema, type MetricRecord } from "../model/record.js";
import type { PanelRow } from "../model/panel.js";
import type { CandidateMiss } from "../review/misses.js";
import { VERSION } from "../version.js";
import { KIND_ZH } from "./codebook-labels.js";
import { zhName } from "./codebook.js";
import { escapeHtml, jsonForScript } from "./html.js";
import { findHeadings, type Heading } from "./outline.js";
import { plainNumber, writtenValue } from "./number.js";
import { reportCss } from "./report-style.js";
import { REPORT_SCRIPT } from "./report-script.js";
import { REVIEW_STORE_SCRIPT } from "./report-review-script.js";

/** One report of the review page: its text as read and the records found in it. */
export interface ReportDoc {
  doc_id: string;
  path: string;
  title: string | null;
  /** The decoded source text; record offsets index it. */
  text: string;
  records: readonly MetricRecord[];
  /** The report's headline cells, each can be judged on the page. */
  panel?: readonly PanelRow[];
  /** Number-like spans no record covers (src/review/misses.ts), shown as possible misses. */
  misses?: readonly CandidateMiss[];
}

/** What the page's script needs of the lexicons to guess the fields of a figure added from a selection. */
export interface PageLexicon {
  /** Unit surface form → base unit. */
  units: Record<string, string>;
  magnitudes: Record<string, number>;
  qualPrefix: Record<string, string>;
  qualSuffix: Record<string, string>;
  up: string[];
  down: string[];
  /** Catalogue code → Chinese name (the indicator_code field offers them). */
  codes: Record<string, string>;
}

export interface ReportPageOptions {
  /** The page title (default "zhibiao review"). */
  title?: string;
  /** Where verdicts are kept in the browser: pages of one site share it (default: from the documents). */
  siteId?: string;
  /** Link back to the index page, when the page is one of a site. */
  indexHref?: string | null;
  lexicon?: PageLexicon;
}

const EMPTY_LEXICON: PageLexicon = { units: {}, magnitudes: { 万: 1e4, 亿: 1e8, 万亿: 1e12 }, qualPrefix: {}, qualSuffix: {}, up: [], down: [], codes: {} };

/** sha256 of a text, as review files name the text they judge: `textSha256("税收")`. */
export function textSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A site id from its documents' ids and texts: pages of one run share their verdicts, another run's don't. */
export function siteIdOf(docs: readonly { doc_id: string; text_sha256: string }[]): string {
  const h = createHash("sha256");
  for (const d of docs) h.update(`${d.doc_id}\u0000${d.text_sha256}\u0000`);
  return h.digest("hex").slice(0, 16);
}

/** Columns of the records table (the panel shows every column); doc_id only when the page has several documents. */
const TABLE_COLUMNS = ["doc_id", "section_title", "raw", "kind", "value", "unit", "qualifier", "indicator", "status", "period"];
const NUMERIC = new Set(["value", "value_max", "start", "end", "si_value"]);

interface Placed {
  record: MetricRecord;
  index: number;
  /** Why the record is not highlighted, or is highlighted with a warning. */
  warning: string | null;
  highlighted: boolean;
}

const e = escapeHtml;
const kindClass = (k: string): string => `k-${k.replace(/[^a-z0-9_-]/gi, "_")}`;
const show = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? plainNumber(v) : String(v));

/** Places a document's records on its text: in range, span matching raw, no overlap with the previous one. */
function place(doc: ReportDoc, first: number): Placed[] {
  const sorted = doc.records.map((record, n) => ({ record, n })).sort((a, b) => a.record.start - b.record.start || a.record.end - b.record.end || a.n - b.n);
  let lastEnd = 0;
  return sorted.map(({ record }, n) => {
    const { start, end } = record;
    let warning: string | null = null;
    let highlighted = true;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= doc.text.length)) {
      warning = `span [${start}, ${end}) is outside the text (${doc.text.length} characters)`;
      highlighted = false;
    } else if (start < lastEnd) {
      warning = `span [${start}, ${end}) overlaps the previous record`;
      highlighted = false;
    } else if (doc.text.slice(start, end) !== record.raw) {
      warning = `the text at [${start}, ${end}) is “${doc.text.slice(start, end)}”, not raw “${record.raw}”`;
    }
    if (highlighted) lastEnd = end;
    return { record, index: first + n, warning, highlighted };
  });
}

/** The text with headings as anchors and figures as `<mark>`s, line by line (a mark across lines is cut into pieces). */
function renderText(doc: ReportDoc, docIndex: number, placed: readonly Placed[], headings: readonly Heading[], missFirst: number): string {
  const marks: { record: { start: number; end: number }; open: string }[] = placed.filter((p) => p.highlighted).map((p) => {
    const r = p.record;
    const tip = `${KIND_ZH[r.kind] ?? r.kind} ${writtenValue(r.value, r.unit)}${r.value_max !== null ? `—${writtenValue(r.value_max, r.unit)}` : ""} · ${r.status === "target" ? "目标 target" : "实际 actual"}${r.indicator ? ` · ${r.indicator}` : ""}`;
    return { record: r, open: `<mark class="zb ${kindClass(r.kind)} st-${r.status === "target" ? "target" : "actual"}${p.warning ? " bad" : ""}" data-r="${p.index}" tabindex="0" title="${e(tip)}">` };
  });
  (doc.misses ?? []).forEach((m, j) => marks.push({ record: m, open: `<mark class="miss" data-m="${missFirst + j}" tabindex="0" title="possible miss: no record covers this number (a add, d dismiss)">` }));
  marks.sort((a, b) => a.record.start - b.record.start);
  const headAt = new Map(headings.map((h, i) => [h.start, { h, i }]));
  const out: string[] = [];
  let m = 0;
  let pos = 0;
  for (const line of doc.text.split("\n")) {
    const ls = pos;
    const le = pos + line.length;
    pos = le + 1;
    let heading: { h: Heading; i: number } | undefined;
    for (let p = ls; p <= le && p < ls + 8; p++) if (headAt.has(p)) heading = headAt.get(p);
    if (heading) out.push(`<span class="h h${heading.h.level}" id="d${docIndex}-h${heading.i}">`);
    let at = ls;
    while (m < marks.length && marks[m].record.start < le) {
      const p = marks[m];
      const s = Math.max(p.record.start, ls);
      const t = Math.min(p.record.end, le);
      out.push(e(doc.text.slice(at, s)));
      out.push(`${p.open}${e(doc.text.slice(s, t))}</mark>`);
      at = t;
      if (p.record.end <= le) m++;
      else break;
    }
    out.push(e(doc.text.slice(at, le)));
    if (heading) out.push("</span>");
    if (le < doc.text.length) out.push("\n");
  }
  return out.join("");
}

function countsTable(doc: ReportDoc, kinds: readonly string[]): string {
  const bySection = new Map<string, Map<string, number>>();
  for (const r of doc.records) {
    const key = r.section_title ?? (r.section || "（无章节）");
    const row = bySection.get(key) ?? new Map<string, number>();
    row.set(r.kind, (row.get(r.kind) ?? 0) + 1);
    bySection.set(key, row);
  }
  const head = `<tr><th>section · 章节</th>${kinds.map((k) => `<th><span class="sw ${kindClass(k)}">${e(KIND_ZH[k] ?? k)}</span></th>`).join("")}<th>total</th></tr>`;
  const line = (name: string, row: Map<string, number>) =>
    `<tr><td>${e(name)}</td>${kinds.map((k) => `<td class="num">${row.get(k) ?? ""}</td>`).join("")}<td class="num">${[...row.values()].reduce((a, b) => a + b, 0)}</td></tr>`;
  const total = new Map<string, number>();
  for (const r of doc.records) total.set(r.kind, (total.get(r.kind) ?? 0) + 1);
  const body = [...bySection].map(([name, row]) => line(name, row)).join("");
  return `<table class="counts"><thead>${head}</thead><tbody>${body}</tbody><tfoot>${line("all · 合计", total)}</tfoot></table>`;
}

/**
 * The self-contained review page (inline CSS and JS, no network, works from file://): each report's
 * text with figures highlighted by kind, a record panel on hover/click, an outline of headings, counts
 * per kind and section, and a filterable, sortable table: `buildReportHtml([{ doc_id, path, title, text, records }])`.
 */
export function buildReportHtml(docs: readonly ReportDoc[], opts: ReportPageOptions = {}): string {
  const kinds = [...(KindSchema.options as readonly string[])];
  for (const d of docs) for (const r of d.records) if (!kinds.includes(r.kind)) kinds.push(r.kind);
  const placedAll: Placed[][] = [];
  let first = 0;
  for (const d of docs) {
    placedAll.push(place(d, first));
    first += d.records.length;
  }
  const flat = placedAll.flat();
  const total = new Map<string, number>();
  for (const p of flat) total.set(p.record.kind, (total.get(p.record.kind) ?? 0) + 1);
  const title = opts.title ?? "zhibiao review";
  const shas = docs.map((d) => textSha256(d.text));
  const siteId = opts.siteId ?? siteIdOf(docs.map((d, i) => ({ doc_id: d.doc_id, text_sha256: shas[i] })));
  const lex = opts.lexicon ?? EMPTY_LEXICON;

  const legend = kinds
    .map((k) => `<li><button type="button" class="sw ${kindClass(k)}" data-kind="${e(kindClass(k).slice(2))}" aria-pressed="true" title="show or hide ${e(k)}">${e(KIND_ZH[k] ?? k)} <code>${e(k)}</code> <b data-count="${e(k)}">${total.get(k) ?? 0}</b></button></li>`)
    .join("") +
    `<li class="st-key"><span class="sw st-actual">实际 actual</span> <span class="sw st-target">目标 target</span> <span class="sw miss">possible miss</span></li>`;

  const nav: string[] = [];
  const sections: string[] = [];
  const misses: { d: number; start: number; end: number; raw: string }[] = [];
  const cells: (Pick<PanelRow, "indicator_code" | "indicator_name" | "status" | "period" | "value" | "value_max" | "unit" | "qualifier" | "raw" | "record_id" | "start"> & { d: number })[] = [];
  const headingsAll: [number, string][][] = [];
  docs.forEach((d, di) => {
    const headings = findHeadings(d.text);
    headingsAll.push(headings.map((h) => [h.start, h.title]));
    const placed = placedAll[di];
    const missFirst = misses.length;
    for (const m of d.misses ?? []) misses.push({ d: di, start: m.start, end: m.end, raw: m.raw });
    // Records under each heading, its subsections included.
    const perHeading = headings.map((h, i) => {
      const next = headings.find((g, j) => j > i && g.level <= h.level)?.start ?? d.text.length;
      return placed.filter((p) => p.record.start >= h.start && p.record.start < next).length;
    });
    const bad = placed.filter((p) => p.warning).length;
    nav.push(
      `<ol><li class="doc"><a href="#d${di}">${e(d.title ?? d.doc_id)}</a></li>${headings
        .map((h, i) => `<li class="l${h.level}"><a href="#d${di}-h${i}" title="${e(h.title)}"><span class="n">${perHeading[i] || ""}</span>${e(h.title)}</a></li>`)
        .join("")}</ol>`,
    );
    const cellRows = (d.panel ?? []).filter((c) => !c.absent).map((c) => {
      const k = cells.length;
      cells.push({ d: di, indicator_code: c.indicator_code, indicator_name: c.indicator_name, status: c.status, period: c.period, value: c.value, value_max: c.value_max, unit: c.unit, qualifier: c.qualifier, raw: c.raw, record_id: c.record_id, start: c.start });
      const reads = `${writtenValue(c.value, c.unit)}${c.value_max !== null ? `—${writtenValue(c.value_max, c.unit)}` : ""}`;
      return `<tr data-c="${k}"><td><code>${e(c.indicator_code)}</code> ${e(c.indicator_name)}</td><td>${e(c.status)}</td><td>${e(c.period)}</td><td class="num">${e(reads)}</td><td>${e(c.qualifier ?? "")}</td><td>${e(c.raw)}</td><td class="rv"><button type="button" data-cact="right" title="right">✓</button><button type="button" data-cact="wrong" title="wrong">✗</button><button type="button" data-cact="edit" title="correct">✎</button><button type="button" data-cact="clear" title="clear">↺</button></td><td class="c-review"></td></tr>`;
    });
    const cellTable = cellRows.length
      ? `<details class="cells" open><summary>headline panel · 主要指标 (${cellRows.length} cells)</summary><table class="cells"><thead><tr><th>indicator</th><th>status</th><th>period</th><th>value</th><th>qualifier</th><th>raw</th><th>judge</th><th>review</th></tr></thead><tbody>${cellRows.join("")}</tbody></table></details>`
      : "";
    sections.push(
      `<section class="doc" id="d${di}" data-doc="${e(d.doc_id)}"><h2>${e(d.title ?? d.doc_id)}</h2>` +
        `<p class="meta"><code>${e(d.doc_id)}</code> · ${e(d.path)} · ${d.text.length} characters · ${d.records.length} records · ${(d.misses ?? []).length} possible misses` +
        (bad ? ` · <span class="warn">${bad} with a span problem</span>` : "") +
        ` · <label><input type="checkbox" class="rv-complete" data-doc="${di}"> reviewed in full (records not marked are right)</label>` +
        `</p>${countsTable(d, kinds)}${cellTable}<div class="text" id="d${di}-text" data-d="${di}">${renderText(d, di, placed, headings, missFirst)}</div></section>`,
    );
  });

  const tableColumns = docs.length > 1 ? TABLE_COLUMNS : TABLE_COLUMNS.filter((c) => c !== "doc_id");
  const th = tableColumns.map((c) => `<th data-type="${NUMERIC.has(c) ? "num" : "text"}" title="${e(c)}">${e(zhName(c))}</th>`).join("") + `<th data-type="text" title="review">审核 review</th>`;
  const rows = flat
    .map((p) => {
      const r = p.record;
      const cells = tableColumns.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        if (c === "value") return `<td class="num" data-v="${e(show(v))}">${e(writtenValue(r.value, r.unit))}</td>`;
        return NUMERIC.has(c) ? `<td class="num" data-v="${e(show(v))}">${e(show(v))}</td>` : `<td class="c-${c}">${c === "kind" ? `<span class="sw ${kindClass(String(v))}">${e(show(v))}</span>` : e(show(v))}</td>`;
      }).join("");
      return `<tr data-r="${p.index}" data-kind="${e(r.kind)}" data-status="${e(r.status)}" data-doc="${e(r.doc_id)}"${p.warning ? ' class="bad"' : ""}>${cells}<td class="c-review"></td></tr>`;
    })
    .join("\n");
  const option = (v: string, label: string) => `<option value="${e(v)}">${e(label)}</option>`;
  const statuses = [...new Set(flat.map((p) => p.record.status))].sort();
  const filters =
    `<div class="filters"><input id="f-text" type="search" placeholder="filter · 筛选 (text, rule id, sentence)" aria-label="filter records">` +
    `<select id="f-kind" aria-label="kind">${option("", "all kinds")}${kinds.map((k) => option(k, `${KIND_ZH[k] ?? k} ${k}`)).join("")}</select>` +
    `<select id="f-status" aria-label="status">${option("", "all statuses")}${statuses.map((s) => option(s, s)).join("")}</select>` +
    (docs.length > 1 ? `<select id="f-doc" aria-label="document">${option("", "all documents")}${docs.map((d) => option(d.doc_id, d.doc_id)).join("")}</select>` : "") +
    `<select id="f-review" aria-label="review">${option("", "any review")}${option("none", "not reviewed")}${option("right", "right ✓")}${option("wrong", "wrong ✗")}${option("corrected", "corrected ✎")}</select>` +
    `<span id="f-count"></span></div>`;

  const data = {
    columns: [...RECORD_COLUMNS, ...extraColumns(flat)],
    zh: Object.fromEntries([...RECORD_COLUMNS].map((c) => [c, zhName(c)])),
    kindZh: KIND_ZH,
    kinds,
    qualifiers: [...QUALIFIERS],
    statuses: [...StatusSchema.options],
    records: flat.map((p) => ({ ...p.record, _warning: p.warning })),
    docs: docs.map((d, i) => ({ i, doc_id: d.doc_id, path: d.path, chars: d.text.length, text_sha256: shas[i], first: placedAll[i][0]?.index ?? flat.length, count: d.records.length })),
    misses,
    panel: cells,
    headings: headingsAll,
    site: { id: siteId, tool: `zhibiao ${VERSION}`, title, index: opts.indexHref ?? null },
    lex: { units: lex.units, magnitudes: lex.magnitudes, qualPrefix: lex.qualPrefix, qualSuffix: lex.qualSuffix, up: lex.up, down: lex.down },
  };
  const codes = Object.entries(lex.codes).map(([c, n]) => `<option value="${e(c)}">${e(n)}</option>`).join("");
  const panelHtml =
    `<aside id="panel" aria-live="polite"><h2 id="panel-title">Record</h2><p id="panel-reads" class="reads"></p><p id="panel-hint" class="hint">hover or click a figure · j/k next/previous · m next possible miss · select text and press a to add a figure</p>` +
    `<div id="rv-actions" class="rv-actions" hidden><button type="button" data-act="right" title="right (r)">✓ right <kbd>r</kbd></button><button type="button" data-act="wrong" title="wrong (w)">✗ wrong <kbd>w</kbd></button><button type="button" data-act="edit" title="correct (e)">✎ correct <kbd>e</kbd></button><button type="button" data-act="clear" title="clear (u)">↺ <kbd>u</kbd></button><span id="rv-state"></span></div>` +
    `<div id="miss-actions" class="rv-actions" hidden><button type="button" data-act="add" title="add as a figure (a)">＋ add <kbd>a</kbd></button><button type="button" data-act="dismiss" title="not a figure (d)">dismiss <kbd>d</kbd></button></div>` +
    `<form id="rv-form" hidden><h3 id="rv-form-title"></h3><div id="rv-form-fields" class="rv-fields"></div><p id="rv-form-error" class="warn"></p><button type="submit">save <kbd>⏎</kbd></button> <button type="button" data-act="cancel">cancel <kbd>Esc</kbd></button></form>` +
    `<p id="panel-explain-box" class="explain" hidden><code id="panel-explain"></code> <button type="button" id="copy-explain">copy</button></p>` +
    `<dl id="panel-fields"></dl></aside>`;
  const bar =
    `<div class="rv-bar">${opts.indexHref ? `<a href="${e(opts.indexHref)}">← all documents</a>` : ""}<span id="rv-progress"></span>` +
    `<button type="button" id="rv-export" title="download every verdict kept in this browser as review.jsonl">export review ⤓</button><button type="button" id="rv-save" hidden>save to disk</button>` +
    `<label class="import">import <input type="file" id="rv-import" accept=".jsonl,application/x-ndjson"></label><button type="button" id="rv-clear">clear</button><span id="rv-warn" class="warn"></span></div>`;

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${reportCss(kinds.map((k) => kindClass(k).slice(2)))}</style>
</head>
<body>
<header class="top"><h1>${e(title)}</h1><span>${docs.length} documents · ${flat.length} records</span><ul class="legend" aria-label="kinds">${legend}</ul>${bar}</header>
<div class="layout">
<nav class="outline" aria-label="outline">${nav.join("")}<p><a href="#records-table">records table · 记录表</a></p></nav>
<main>
${sections.join("\n")}
<section id="records-table"><h2>Records · 记录</h2>${filters}
<table class="records" id="records"><thead><tr>${th}</tr></thead><tbody>
${rows}
</tbody></table></section>
</main>
${panelHtml}
</div>
<button type="button" id="add-sel" hidden>＋ add figure <kbd>a</kbd></button>
<datalist id="zb-codes">${codes}</datalist>
<script type="application/json" id="zb-data">${jsonForScript(data)}</script>
<script>${REVIEW_STORE_SCRIPT}${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** Fields a record has beyond the schema's columns (none today), so the panel shows everything it was given. */
function extraColumns(placed: readonly Placed[]): string[] {
  const known = new Set<string>(RECORD_COLUMNS);
  const extra = new Set<string>();
  for (const p of placed) for (const k of Object.keys(p.record)) if (!known.has(k)) extra.add(k);
  return [...extra].sort();
}
