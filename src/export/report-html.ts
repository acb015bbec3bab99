import { KindSchema, RECORD_COLUMNS, type MetricRecord } from "../model/record.js";
import { KIND_ZH } from "./codebook-labels.js";
import { zhName } from "./codebook.js";
import { escapeHtml, jsonForScript } from "./html.js";
import { findHeadings, type Heading } from "./outline.js";
import { plainNumber } from "./number.js";
import { reportCss } from "./report-style.js";
import { REPORT_SCRIPT } from "./report-script.js";

/** One report of the review page: its text as read and the records found in it. */
export interface ReportDoc {
  doc_id: string;
  path: string;
  title: string | null;
  /** The decoded source text; record offsets index it. */
  text: string;
  records: readonly MetricRecord[];
}

export interface ReportPageOptions {
  /** The page title (default "zhibiao review"). */
  title?: string;
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
function renderText(doc: ReportDoc, docIndex: number, placed: readonly Placed[], headings: readonly Heading[]): string {
  const marks = placed.filter((p) => p.highlighted);
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
      const r = p.record;
      const tip = `${KIND_ZH[r.kind] ?? r.kind} ${show(r.value)} ${r.unit}${r.indicator ? ` · ${r.indicator}` : ""}`;
      out.push(`<mark class="zb ${kindClass(r.kind)}${p.warning ? " bad" : ""}" data-r="${p.index}" tabindex="0" title="${e(tip)}">${e(doc.text.slice(s, t))}</mark>`);
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

  const legend = kinds
    .map((k) => `<li><button type="button" class="sw ${kindClass(k)}" data-kind="${e(kindClass(k).slice(2))}" aria-pressed="true" title="show or hide ${e(k)}">${e(KIND_ZH[k] ?? k)} <code>${e(k)}</code> <b data-count="${e(k)}">${total.get(k) ?? 0}</b></button></li>`)
    .join("");

  const nav: string[] = [];
  const sections: string[] = [];
  docs.forEach((d, di) => {
    const headings = findHeadings(d.text);
    const placed = placedAll[di];
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
    sections.push(
      `<section class="doc" id="d${di}" data-doc="${e(d.doc_id)}"><h2>${e(d.title ?? d.doc_id)}</h2>` +
        `<p class="meta"><code>${e(d.doc_id)}</code> · ${e(d.path)} · ${d.text.length} characters · ${d.records.length} records` +
        (bad ? ` · <span class="warn">${bad} with a span problem</span>` : "") +
        `</p>${countsTable(d, kinds)}<div class="text">${renderText(d, di, placed, headings)}</div></section>`,
    );
  });

  const tableColumns = docs.length > 1 ? TABLE_COLUMNS : TABLE_COLUMNS.filter((c) => c !== "doc_id");
  const th = tableColumns.map((c) => `<th data-type="${NUMERIC.has(c) ? "num" : "text"}" title="${e(c)}">${e(zhName(c))}</th>`).join("");
  const rows = flat
    .map((p) => {
      const r = p.record;
      const cells = tableColumns.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        return NUMERIC.has(c) ? `<td class="num" data-v="${e(show(v))}">${e(show(v))}</td>` : `<td class="c-${c}">${c === "kind" ? `<span class="sw ${kindClass(String(v))}">${e(show(v))}</span>` : e(show(v))}</td>`;
      }).join("");
      return `<tr data-r="${p.index}" data-kind="${e(r.kind)}" data-status="${e(r.status)}" data-doc="${e(r.doc_id)}"${p.warning ? ' class="bad"' : ""}>${cells}</tr>`;
    })
    .join("\n");
  const option = (v: string, label: string) => `<option value="${e(v)}">${e(label)}</option>`;
  const statuses = [...new Set(flat.map((p) => p.record.status))].sort();
  const filters =
    `<div class="filters"><input id="f-text" type="search" placeholder="filter · 筛选 (any text)" aria-label="filter records">` +
    `<select id="f-kind" aria-label="kind">${option("", "all kinds")}${kinds.map((k) => option(k, `${KIND_ZH[k] ?? k} ${k}`)).join("")}</select>` +
    `<select id="f-status" aria-label="status">${option("", "all statuses")}${statuses.map((s) => option(s, s)).join("")}</select>` +
    (docs.length > 1 ? `<select id="f-doc" aria-label="document">${option("", "all documents")}${docs.map((d) => option(d.doc_id, d.doc_id)).join("")}</select>` : "") +
    `<span id="f-count"></span></div>`;

  const data = {
    columns: [...RECORD_COLUMNS, ...extraColumns(flat)],
    zh: Object.fromEntries([...RECORD_COLUMNS].map((c) => [c, zhName(c)])),
    kindZh: KIND_ZH,
    records: flat.map((p) => ({ ...p.record, _warning: p.warning })),
  };

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
<header class="top"><h1>${e(title)}</h1><span>${docs.length} documents · ${flat.length} records</span><ul class="legend" aria-label="kinds">${legend}</ul></header>
<div class="layout">
<nav class="outline" aria-label="outline">${nav.join("")}<p><a href="#records-table">records table · 记录表</a></p></nav>
<main>
${sections.join("\n")}
<section id="records-table"><h2>Records · 记录</h2>${filters}
<table class="records" id="records"><thead><tr>${th}</tr></thead><tbody>
${rows}
</tbody></table></section>
</main>
<aside id="panel" aria-live="polite"><h2 id="panel-title">Record</h2><p id="panel-hint" class="hint">hover or click a figure</p><dl id="panel-fields"></dl></aside>
</div>
<script type="application/json" id="zb-data">${jsonForScript(data)}</script>
<script>${REPORT_SCRIPT}</script>
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
