import { KIND_ZH } from "./codebook-labels.js";
import { escapeHtml as e, jsonForScript } from "./html.js";
import { REVIEW_STORE_SCRIPT } from "./report-review-script.js";
import { VERSION } from "../version.js";

/** One document of the index page: what its row shows and where its page is. */
export interface IndexEntry {
  doc_id: string;
  title: string | null;
  /** The report's region and year, as its records give them (null when it has none). */
  region?: string | null;
  year?: number | null;
  path: string;
  href: string;
  chars: number;
  records: number;
  kinds: Record<string, number>;
  misses: number;
  cells: number;
  warnings: number;
}

const INDEX_SCRIPT = String.raw`
(function () {
  "use strict";
  var site = JSON.parse(document.getElementById("zb-site").textContent);
  var store = new ZB.Store(site.id, site.tool, site.title);
  var rows = Array.prototype.slice.call(document.querySelectorAll("#docs tbody tr"));
  var totals = { judged: 0, docs: 0 };
  rows.forEach(function (tr) {
    var c = store.count(tr.dataset.doc), d = store.state.docs[tr.dataset.doc];
    var cell = tr.querySelector(".c-review");
    if (c.total || (d && d.info.complete)) {
      totals.docs++; totals.judged += c.total;
      cell.textContent = (d && d.info.complete ? "complete · " : "") + "✓" + c.right + " ✗" + c.wrong + " ✎" + c.corrected + " +" + c.added;
      tr.dataset.review = d && d.info.complete ? "complete" : "started";
    } else tr.dataset.review = "none";
  });
  document.getElementById("rv-progress").textContent = totals.docs + " documents with verdicts kept in this browser";
  var q = document.getElementById("f-text"), fr = document.getElementById("f-review"), count = document.getElementById("f-count");
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var s = q.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r, i) { var ok = (!s || texts[i].indexOf(s) >= 0) && (!fr.value || r.dataset.review === fr.value); r.hidden = !ok; if (ok) n++; });
    count.textContent = n + " / " + rows.length;
  }
  q.addEventListener("input", apply); fr.addEventListener("change", apply); apply();
  document.getElementById("rv-export").addEventListener("click", function () { ZB.download(store.exportText(), "review.jsonl"); });
  var save = document.getElementById("rv-save");
  if (ZB.served) { save.hidden = false; save.addEventListener("click", function () { ZB.saveToServer(store.exportText(), function (err, msg) { document.getElementById("rv-warn").textContent = err ? "not saved: " + err : msg; }); }); }
  document.body.dataset.ready = "1";
})();
`;

/**
 * The index page of a review site: one row a document (counts, possible misses, headline cells, the
 * verdicts kept in this browser) linking to its page, and the export of every document's verdicts.
 * Small by design (no text, no records): `buildReportIndex(entries, { title, siteId })`.
 */
export function buildReportIndex(entries: readonly IndexEntry[], opts: { title?: string; siteId: string }): string {
  const title = opts.title ?? "zhibiao review";
  const kinds = Object.keys(KIND_ZH);
  const n = (x: number) => (x ? String(x) : "");
  const rows = entries
    .map((d) => `<tr data-doc="${e(d.doc_id)}"><td><a href="${e(d.href)}">${e(d.title ?? d.doc_id)}</a></td><td><code>${e(d.doc_id)}</code></td><td>${e(d.region ?? "")}</td><td class="num">${d.year ?? ""}</td><td class="num">${d.chars}</td><td class="num">${d.records}</td>${kinds.map((k) => `<td class="num">${n(d.kinds[k] ?? 0)}</td>`).join("")}<td class="num">${n(d.misses)}</td><td class="num">${n(d.cells)}</td><td class="num warn">${n(d.warnings)}</td><td class="c-review"></td></tr>`)
    .join("\n");
  const total = entries.reduce((a, d) => a + d.records, 0);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>
body{margin:0;color:#1d2430;background:#fbfcfe;font:14px/1.6 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #d9dee7;padding:8px 16px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
h1{font-size:17px;margin:0}main{padding:12px 16px}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}th,td{border:1px solid #d9dee7;padding:2px 6px;text-align:left}
th{background:#eef2f8;position:sticky;top:48px}td.num{text-align:right;font-variant-numeric:tabular-nums}.warn{color:#a12a2a}
tr[data-review=complete] td.c-review{color:#2e8b3a}a{color:#2f6fd0}
.filters{display:flex;gap:8px;margin:0 0 8px}input,select,button{font:inherit;font-size:13px}
</style>
</head>
<body>
<header><h1>${e(title)}</h1><span>${entries.length} documents · ${total} records</span><span id="rv-progress"></span><button type="button" id="rv-export">export review ⤓</button><button type="button" id="rv-save" hidden>save to disk</button><span id="rv-warn" class="warn"></span></header>
<main>
<div class="filters"><input id="f-text" type="search" placeholder="filter documents (id, title, region, year)" aria-label="filter documents"><select id="f-review" aria-label="review"><option value="">any review</option><option value="none">not started</option><option value="started">started</option><option value="complete">complete</option></select><span id="f-count"></span></div>
<table id="docs"><thead><tr><th>document</th><th>doc_id</th><th>region · 地区</th><th>year · 年份</th><th>chars</th><th>records</th>${kinds.map((k) => `<th>${e(KIND_ZH[k] ?? k)}</th>`).join("")}<th>possible misses</th><th>headline cells</th><th>span problems</th><th>review</th></tr></thead><tbody>
${rows}
</tbody></table>
</main>
<script type="application/json" id="zb-site">${jsonForScript({ id: opts.siteId, tool: `zhibiao ${VERSION}`, title })}</script>
<script>${REVIEW_STORE_SCRIPT}${INDEX_SCRIPT}</script>
</body>
</html>
`;
}
