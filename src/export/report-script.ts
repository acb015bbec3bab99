/**
 * The review page's script (inline, no network): record panel on hover/click, table filter and sort,
 * legend toggles. It reads the records from the page's `<script type="application/json" id="zb-data">`
 * and writes them with textContent only, so no record text is ever parsed as HTML.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("zb-data").textContent);
  var panelTitle = document.getElementById("panel-title");
  var panelFields = document.getElementById("panel-fields");
  var panelHint = document.getElementById("panel-hint");
  var pinned = null;
  function marksOf(i) { return document.querySelectorAll('mark.zb[data-r="' + i + '"]'); }
  function rowOf(i) { return document.querySelector('tr[data-r="' + i + '"]'); }
  function fmt(v) {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US", { useGrouping: false }) : String(v);
    if (Array.isArray(v)) return v.join("; ");
    return String(v);
  }
  function show(i) {
    var r = data.records[i];
    if (!r) return;
    panelTitle.textContent = (data.kindZh[r.kind] || r.kind) + " · " + fmt(r.value) + (r.unit ? " " + r.unit : "");
    panelHint.textContent = r._warning ? r._warning : (pinned === i ? "pinned — Esc or click elsewhere to release" : "click to pin");
    panelHint.className = r._warning ? "warn" : "hint";
    var frag = document.createDocumentFragment();
    data.columns.forEach(function (c) {
      var dt = document.createElement("dt");
      dt.textContent = (data.zh[c] || c) + " ";
      var code = document.createElement("code");
      code.textContent = c;
      dt.appendChild(code);
      var dd = document.createElement("dd");
      dd.dataset.field = c;
      dd.textContent = fmt(r[c]);
      frag.appendChild(dt);
      frag.appendChild(dd);
    });
    panelFields.replaceChildren(frag);
    document.getElementById("panel").dataset.r = String(i);
  }
  function select(i, scroll) {
    document.querySelectorAll(".sel").forEach(function (e) { e.classList.remove("sel"); });
    pinned = i;
    if (i === null) { panelHint.textContent = "hover or click a figure"; return; }
    marksOf(i).forEach(function (m) { m.classList.add("sel"); });
    var row = rowOf(i);
    if (row) row.classList.add("sel");
    show(i);
    if (scroll) { var m = marksOf(i)[0]; if (m) m.scrollIntoView({ block: "center" }); }
  }
  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark.zb");
    if (m && pinned === null) show(Number(m.dataset.r));
  });
  document.addEventListener("click", function (e) {
    var m = e.target.closest("mark.zb");
    if (m) { select(Number(m.dataset.r), false); return; }
    var tr = e.target.closest("tbody tr[data-r]");
    if (tr) { select(Number(tr.dataset.r), true); return; }
    var b = e.target.closest(".legend button");
    if (b) { toggleKind(b); return; }
    if (!e.target.closest("#panel") && !e.target.closest("th") && !e.target.closest(".filters")) select(null, false);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") select(null, false);
    var m = e.target.closest && e.target.closest("mark.zb");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(Number(m.dataset.r), false); }
  });

  var hidden = {};
  function toggleKind(b) {
    var k = b.dataset.kind;
    hidden[k] = !hidden[k];
    b.setAttribute("aria-pressed", hidden[k] ? "false" : "true");
    document.querySelectorAll("mark.zb.k-" + k).forEach(function (m) { m.classList.toggle("off", !!hidden[k]); });
    document.body.classList.toggle("dim", Object.keys(hidden).some(function (x) { return hidden[x]; }));
    document.querySelectorAll("mark.zb").forEach(function (m) { m.classList.toggle("show", !m.classList.contains("off")); });
  }

  var table = document.getElementById("records");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var q = document.getElementById("f-text"), fk = document.getElementById("f-kind"), fs = document.getElementById("f-status"), fd = document.getElementById("f-doc");
  var count = document.getElementById("f-count");
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var s = q.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r, n) {
      var ok = (!s || texts[n].indexOf(s) >= 0) && (!fk.value || r.dataset.kind === fk.value) &&
        (!fs.value || r.dataset.status === fs.value) && (!fd || !fd.value || r.dataset.doc === fd.value);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " / " + rows.length;
  }
  [q, fk, fs, fd].forEach(function (el) { if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); } });
  table.tHead.addEventListener("click", function (e) {
    var th = e.target.closest("th");
    if (!th) return;
    var col = th.cellIndex, num = th.dataset.type === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var keyed = rows.map(function (r, n) {
      var cell = r.cells[col], v = cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent;
      return { r: r, n: n, v: num ? (v === "" ? NaN : Number(v)) : v };
    });
    keyed.sort(function (a, b) {
      var x = a.v, y = b.v, c;
      if (num) c = isNaN(x) ? (isNaN(y) ? 0 : 1) : isNaN(y) ? -1 : (x - y) * dir;
      else c = x === "" ? (y === "" ? 0 : 1) : y === "" ? -1 : x.localeCompare(y, "zh") * dir;
      return c || a.n - b.n;
    });
    keyed.forEach(function (k) { tbody.appendChild(k.r); });
  });
  apply();
})();
`;
