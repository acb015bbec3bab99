/**
 * The review page's script (inline, no network): record panel on hover/click, table filter and sort,
 * legend toggles, and review: marking records right, wrong or corrected, adding a figure from a text
 * selection or a candidate miss, dismissing a miss, judging headline cells, all kept by the review
 * store (report-review-script.ts). It reads the page's `<script type="application/json" id="zb-data">`
 * and writes record text with textContent only, so no record text is ever parsed as HTML.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("zb-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var panelTitle = $("panel-title"), panelFields = $("panel-fields"), panelHint = $("panel-hint"), panelReads = $("panel-reads");
  var explainCode = $("panel-explain"), actions = $("rv-actions"), missActions = $("miss-actions"), form = $("rv-form"), rvState = $("rv-state");
  var pinned = null, current = null; // current: { type: "r"|"m"|"a"|"c", i }
  var store = new ZB.Store(data.site.id, data.site.tool, data.site.title);
  var known = {};
  data.docs.forEach(function (d) { known[d.doc_id] = d; });
  var REVIEW_FIELDS = ["value", "value_max", "unit", "kind", "qualifier", "indicator", "indicator_code", "status", "period", "section_title"];
  var NO_MAG = { "%": 1, "‰": 1, "个百分点": 1, "倍": 1, "番": 1, ":1": 1 };
  function plain(v) {
    if (!isFinite(v)) return "";
    if (Number.isInteger(v)) return v.toLocaleString("en-US", { useGrouping: false });
    return String(v);
  }
  /** As a person writes it: 7248亿元, 5.2% (the same as writtenValue in src/export/number.ts). */
  function written(v, unit) {
    if (v === null || v === undefined || typeof v !== "number" || !isFinite(v)) return "";
    unit = unit || "";
    if (!NO_MAG[unit]) {
      var mags = [[1e12, "万亿"], [1e8, "亿"], [1e4, "万"]];
      for (var i = 0; i < mags.length; i++) {
        if (Math.abs(v) < mags[i][0]) continue;
        var q = Number((v / mags[i][0]).toPrecision(12));
        if (Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6) return plain(q) + mags[i][1] + unit;
      }
    }
    return plain(v) + unit;
  }
  window.zbWritten = written;
  function fmt(v) {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "number") return plain(v);
    if (Array.isArray(v)) return v.join("; ");
    return String(v);
  }
  function docOf(i) { for (var d = data.docs.length - 1; d >= 0; d--) if (i >= data.docs[d].first) return data.docs[d]; return data.docs[0]; }
  function marksOf(i) { return document.querySelectorAll('mark.zb[data-r="' + i + '"]'); }
  function rowOf(i) { return document.querySelector('tr[data-r="' + i + '"]'); }
  function pick(r) { var o = {}; REVIEW_FIELDS.forEach(function (f) { o[f] = r[f] === undefined ? null : r[f]; }); return o; }
  function entry(d) { return store.doc(d); }
  function recItem(i) { var r = data.records[i]; var d = store.state.docs[r.doc_id]; return d ? d.items["r:" + r.record_id] : undefined; }
  function shellQuote(s) { return /^[A-Za-z0-9_./-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }
  function explainLine(doc, start) { return "zhibiao explain --file " + shellQuote(doc.path) + " --at " + start; }

  // ---- the side panel
  function fill(title, reads, hint, warn, fields, start, doc) {
    panelTitle.textContent = title;
    panelReads.textContent = reads;
    panelHint.textContent = hint;
    panelHint.className = warn ? "warn" : "hint";
    var frag = document.createDocumentFragment();
    fields.forEach(function (kv) {
      var dt = document.createElement("dt");
      dt.textContent = (data.zh[kv[0]] || kv[0]) + " ";
      var code = document.createElement("code");
      code.textContent = kv[0];
      dt.appendChild(code);
      var dd = document.createElement("dd");
      dd.dataset.field = kv[0];
      dd.textContent = fmt(kv[1]);
      frag.appendChild(dt);
      frag.appendChild(dd);
    });
    panelFields.replaceChildren(frag);
    explainCode.textContent = doc ? explainLine(doc, start) : "";
    $("panel-explain-box").hidden = !doc;
  }
  function verdictText(it) {
    if (!it) return "not reviewed";
    if (it.verdict === "corrected") return "corrected: " + Object.keys(it.fields).map(function (k) { return k + " → " + fmt(it.fields[k]); }).join(", ");
    return it.verdict + (it._auto ? " (document reviewed in full)" : "");
  }
  function show(i) {
    var r = data.records[i];
    if (!r) return;
    var it = recItem(i);
    var eff = it && it.verdict === "corrected" ? Object.assign({}, r, it.fields) : r;
    fill((data.kindZh[eff.kind] || eff.kind) + " · " + written(eff.value, eff.unit), "reads " + written(eff.value, eff.unit) + (eff.value_max !== null && eff.value_max !== undefined ? "—" + written(eff.value_max, eff.unit) : "") + " · " + eff.status,
      r._warning ? r._warning : (pinned === i ? "pinned — Esc or click elsewhere to release" : "click to pin"), !!r._warning,
      data.columns.map(function (c) { return [c, r[c]]; }), r.start, docOf(i));
    document.getElementById("panel").dataset.r = String(i);
    actions.hidden = false; missActions.hidden = true;
    rvState.textContent = verdictText(it);
  }
  function showMiss(j) {
    var m = data.misses[j], d = data.docs[m.d];
    var it = (store.state.docs[d.doc_id] || { items: {} }).items["s:" + m.start + "-" + m.end];
    fill("possible miss · " + m.raw, it ? (it.verdict === "added" ? "added as " + (data.kindZh[it.fields.kind] || it.fields.kind) + " " + written(it.fields.value, it.fields.unit) : "dismissed: not a figure") : "no record covers this number, and no rule of rules/lexicon/misses.yaml explains it",
      "a add it as a figure · d dismiss", false, [["start", m.start], ["end", m.end], ["raw", m.raw]], m.start, d);
    actions.hidden = true; missActions.hidden = false;
  }
  function showAdded(key, docId) {
    var it = store.state.docs[docId].items[key];
    fill("added · " + (data.kindZh[it.fields.kind] || it.fields.kind) + " · " + written(it.fields.value, it.fields.unit), "a figure you added (" + (it.from || "selection") + ")", "e correct · u remove", false,
      [["start", it.start], ["end", it.end], ["raw", it.raw]].concat(REVIEW_FIELDS.map(function (f) { return [f, it.fields[f]]; })), it.start, known[docId]);
    actions.hidden = false; missActions.hidden = true;
    rvState.textContent = "added";
  }
  function clearSel() { document.querySelectorAll(".sel").forEach(function (e) { e.classList.remove("sel"); }); }
  function select(i, scroll) {
    clearSel();
    pinned = i;
    hideForm();
    if (i === null) { current = null; panelHint.textContent = "hover or click a figure"; return; }
    current = { type: "r", i: i };
    marksOf(i).forEach(function (m) { m.classList.add("sel"); });
    var row = rowOf(i);
    if (row) row.classList.add("sel");
    show(i);
    if (scroll) { var m = marksOf(i)[0]; if (m) m.scrollIntoView({ block: "center" }); }
  }
  function selectMiss(j, scroll) {
    clearSel(); hideForm();
    pinned = -1; current = { type: "m", i: j };
    var el = document.querySelector('mark[data-m="' + j + '"]');
    if (el) { el.classList.add("sel"); if (scroll) el.scrollIntoView({ block: "center" }); }
    showMiss(j);
  }
  function selectAdded(el) {
    clearSel(); hideForm();
    pinned = -1; current = { type: "a", key: el.dataset.a, doc: el.dataset.doc };
    el.classList.add("sel");
    showAdded(el.dataset.a, el.dataset.doc);
  }

  // ---- verdicts
  function setItem(docInfo, key, item) {
    var d = entry(docInfo);
    if (item) d.items[key] = item; else delete d.items[key];
    if (!store.save()) $("rv-warn").textContent = "the browser does not keep this review (no localStorage): export before closing";
    paint();
  }
  function judge(verdict, fields) {
    if (!current) return;
    if (current.type === "c") return judgeCell(current.i, verdict, fields);
    if (current.type === "a") {
      if (verdict === "clear") { var a = document.querySelector('mark[data-a="' + current.key + '"]'); setItem(known[current.doc], current.key, null); unwrapAdded(a); select(null); }
      return;
    }
    if (current.type !== "r") return;
    var r = data.records[current.i], doc = known[r.doc_id];
    var key = "r:" + r.record_id;
    if (verdict === "clear") return setItem(doc, key, null), show(current.i);
    var item = { verdict: verdict, doc_id: r.doc_id, record_id: r.record_id, start: r.start, end: r.end, raw: r.raw, shown: pick(r) };
    if (verdict === "corrected") item.fields = fields;
    setItem(doc, key, item);
    show(current.i);
  }
  function judgeCell(k, verdict, fields) {
    var c = data.panel[k], doc = data.docs[c.d];
    var key = "c:" + c.indicator_code + "|" + c.status + "|" + c.period;
    if (verdict === "clear") return setItem(doc, key, null);
    var cell = { indicator_code: c.indicator_code, status: c.status, period: c.period, record_id: c.record_id, value: c.value, value_max: c.value_max, unit: c.unit, qualifier: c.qualifier, raw: c.raw };
    var item = { verdict: verdict, doc_id: doc.doc_id, cell: cell };
    if (verdict === "corrected") item.fields = fields;
    setItem(doc, key, item);
  }

  // ---- the correction form
  var FORM_FIELDS = { record: REVIEW_FIELDS, cell: ["value", "value_max", "unit", "qualifier", "status", "period", "indicator_code"] };
  var CHOICES = { kind: data.kinds, qualifier: data.qualifiers, status: data.statuses };
  var formMode = null, formBase = null, formDone = null;
  function parseValue(s) {
    s = String(s).trim().replace(/,/g, "");
    if (s === "") return null;
    var m = /^(-?[0-9]+(?:\.[0-9]+)?)\s*(万亿|亿|万|千|百)?$/.exec(s);
    if (!m) return NaN;
    var mag = m[2] ? data.lex.magnitudes[m[2]] || 1 : 1;
    return Number((Number(m[1]) * mag).toPrecision(15));
  }
  function openForm(mode, base, title, done) {
    formMode = mode; formBase = base; formDone = done;
    $("rv-form-title").textContent = title;
    var box = $("rv-form-fields");
    var frag = document.createDocumentFragment();
    FORM_FIELDS[mode].forEach(function (f) {
      var label = document.createElement("label");
      var name = document.createElement("span");
      name.textContent = (data.zh[f] || f) + " " + f;
      label.appendChild(name);
      var input;
      if (CHOICES[f]) {
        input = document.createElement("select");
        CHOICES[f].forEach(function (o) { var op = document.createElement("option"); op.value = o; op.textContent = (f === "kind" && data.kindZh[o] ? data.kindZh[o] + " " : "") + o; input.appendChild(op); });
      } else {
        input = document.createElement("input");
        input.type = "text";
        if (f === "indicator_code") input.setAttribute("list", "zb-codes");
      }
      input.id = "rv-f-" + f;
      input.name = f;
      var v = base[f];
      input.value = v === null || v === undefined ? "" : typeof v === "number" ? plain(v) : String(v);
      label.appendChild(input);
      if (f === "value" || f === "value_max") { var hint = document.createElement("small"); hint.textContent = "7248亿 or 724800000000"; label.appendChild(hint); }
      frag.appendChild(label);
    });
    box.replaceChildren(frag);
    $("rv-form-error").textContent = "";
    form.hidden = false;
    var first = box.querySelector("input,select");
    if (first) first.focus();
  }
  function hideForm() { form.hidden = true; formMode = null; }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var out = {}, err = "";
    FORM_FIELDS[formMode].forEach(function (f) {
      var raw = $("rv-f-" + f).value;
      var v;
      if (f === "value" || f === "value_max") {
        v = parseValue(raw);
        if (typeof v === "number" && isNaN(v)) err = f + ": not a number (" + raw + ")";
        if (f === "value" && v === null) err = "value is required";
      } else if (CHOICES[f]) v = raw;
      else v = raw.trim() === "" ? null : raw.trim();
      if (f === "unit" && v === null) v = "";
      out[f] = v;
    });
    if (err) { $("rv-form-error").textContent = err; return; }
    var done = formDone;
    hideForm();
    done(out);
  });
  form.addEventListener("click", function (e) { if (e.target.closest('[data-act="cancel"]')) { hideForm(); } });
  function changed(base, out) {
    var f = {};
    Object.keys(out).forEach(function (k) { if (JSON.stringify(out[k]) !== JSON.stringify(base[k] === undefined ? null : base[k])) f[k] = out[k]; });
    return f;
  }
  function edit() {
    if (!current) return;
    if (current.type === "r") {
      var r = data.records[current.i], it = recItem(current.i), base = pick(r);
      var start = it && it.verdict === "corrected" ? Object.assign({}, base, it.fields) : base;
      openForm("record", start, "correct “" + r.raw + "”", function (out) {
        var f = changed(base, out);
        judge(Object.keys(f).length ? "corrected" : "right", f);
      });
    } else if (current.type === "c") {
      var c = data.panel[current.i];
      openForm("cell", c, "correct the cell " + c.indicator_code + " " + c.status + " " + c.period, function (out) {
        var f = changed(c, out);
        judgeCell(current.i, Object.keys(f).length ? "corrected" : "right", f);
      });
    } else if (current.type === "a") {
      var key = current.key, doc = current.doc, item = store.state.docs[doc].items[key];
      openForm("record", item.fields, "correct the added “" + item.raw + "”", function (out) {
        item.fields = clean(out);
        setItem(known[doc], key, item);
        showAdded(key, doc);
      });
    }
  }
  function clean(f) { var o = {}; Object.keys(f).forEach(function (k) { o[k] = f[k]; }); return o; }

  // ---- adding a figure: from a selection or a candidate miss, fields guessed from the text
  function cnNumber(s) {
    var digits = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
    var units = { "十": 10, "百": 100, "千": 1000 };
    var total = 0, section = 0, num = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (c in digits) num = digits[c];
      else if (c in units) { section += (num || 1) * units[c]; num = 0; }
      else if (c === "万" || c === "亿") { section += num; total += section * (c === "万" ? 1e4 : 1e8); section = 0; num = 0; }
    }
    return total + section + num;
  }
  function longestAt(text, at, forms) {
    var best = "";
    for (var i = 0; i < forms.length; i++) if (forms[i].length > best.length && text.substr(at, forms[i].length) === forms[i]) best = forms[i];
    return best;
  }
  var unitForms = Object.keys(data.lex.units), magForms = Object.keys(data.lex.magnitudes), preForms = Object.keys(data.lex.qualPrefix), sufForms = Object.keys(data.lex.qualSuffix);
  var SPECIAL = { "%": "%", "％": "%", "‰": "‰", "个百分点": "个百分点", "百分点": "个百分点", "倍": "倍", "番": "番" };
  /** The fields a span's text gives: number, magnitude, unit, qualifier, kind (from the words before it). */
  function guess(raw, before, docIndex, start) {
    var f = { value: null, value_max: null, unit: "", kind: "quantity", qualifier: "exact", indicator: null, indicator_code: null, status: "actual", period: null, section_title: null };
    var m = /([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+)/.exec(raw);
    if (m) {
      var v = /[0-9]/.test(m[1]) ? Number(m[1]) : cnNumber(m[1]);
      var at = m.index + m[1].length, rest = raw.slice(at);
      if (/^[多余]/.test(rest)) { f.qualifier = "more_than"; at++; }
      while (raw.charAt(at) === " ") at++;
      var mag = longestAt(raw, at, magForms);
      if (mag && /[0-9]/.test(m[1])) { v = v * data.lex.magnitudes[mag]; at += mag.length; }
      if (/^[多余]/.test(raw.slice(at))) { f.qualifier = "more_than"; at++; }
      while (raw.charAt(at) === " ") at++;
      var sp = longestAt(raw, at, Object.keys(SPECIAL)), un = longestAt(raw, at, unitForms);
      if (sp && sp.length >= un.length) { f.unit = SPECIAL[sp]; at += sp.length; }
      else if (un) { f.unit = data.lex.units[un]; at += un.length; }
      var suf = longestAt(raw, at, sufForms);
      if (suf) f.qualifier = data.lex.qualSuffix[suf];
      var pre = "";
      for (var k = 0; k < preForms.length; k++) { var p = preForms[k]; if ((raw.slice(0, m.index) + "").indexOf(p) >= 0 || before.slice(-p.length) === p) if (p.length > pre.length) pre = p; }
      if (pre && f.qualifier === "exact") f.qualifier = data.lex.qualPrefix[pre];
      var near = before.slice(-8);
      var down = data.lex.down.some(function (w) { return near.indexOf(w) >= 0; }), up = data.lex.up.some(function (w) { return near.indexOf(w) >= 0; });
      if (f.unit === "个百分点" || f.unit === "倍" || f.unit === "番" || ((f.unit === "%" || f.unit === "‰") && (up || down))) f.kind = "change";
      else if (f.unit === "%" || f.unit === "‰") f.kind = /占/.test(near) ? "share" : "rate";
      if (f.kind === "change" && down) v = -v;
      f.value = Number(v.toPrecision(15));
    }
    var hs = data.headings[docIndex] || [];
    for (var h = 0; h < hs.length; h++) if (hs[h][0] <= start) f.section_title = hs[h][1];
    // status and period of the nearest record of the document before the span (else after it)
    var doc = data.docs[docIndex], best = null;
    for (var i = doc.first; i < doc.first + doc.count; i++) { var r = data.records[i]; if (r.start <= start) best = r; else { if (!best) best = r; break; } }
    if (best) { f.status = best.status; f.period = best.period; }
    return f;
  }
  function textDiv(el) { return el && el.closest ? el.closest(".text") : null; }
  function offsetIn(div, node, off) {
    var r = document.createRange();
    r.setStart(div, 0);
    r.setEnd(node, off);
    return r.toString().length;
  }
  function addFigure(docIndex, start, end, from, missIndex) {
    var doc = data.docs[docIndex], text = $("d" + docIndex + "-text").textContent;
    var raw = text.slice(start, end);
    var f = guess(raw, text.slice(Math.max(0, start - 12), start), docIndex, start);
    var key = "s:" + start + "-" + end;
    var item = { verdict: "added", doc_id: doc.doc_id, start: start, end: end, raw: raw, from: from, fields: f };
    setItem(doc, key, item);
    var el = missIndex !== undefined ? document.querySelector('mark[data-m="' + missIndex + '"]') : wrapRange(docIndex, start, end);
    if (el) { el.dataset.a = key; el.dataset.doc = doc.doc_id; el.classList.add("added"); }
    if (el) selectAdded(el);
    current = { type: "a", key: key, doc: doc.doc_id };
    openForm("record", f, "add “" + raw + "” (fields guessed from the text: check them)", function (out) {
      item.fields = clean(out);
      setItem(doc, key, item);
      showAdded(key, doc.doc_id);
    });
    // served by zhibiao report --serve: the engine reads the selection in its paragraph, and its
    // fields replace the guesses the reviewer has not changed yet
    if (ZB.served && ZB.readSelection) {
      var from0 = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 1500), to0 = text.indexOf("\n", end);
      if (to0 < 0 || to0 - end > 1500) to0 = Math.min(text.length, end + 1500);
      var guessed = {};
      FORM_FIELDS.record.forEach(function (k) { var el = $("rv-f-" + k); if (el) guessed[k] = el.value; });
      ZB.readSelection(text.slice(from0, to0), start - from0, end - from0, function (engine) {
        if (!engine || formMode !== "record" || current.key !== key) return;
        var used = 0;
        Object.keys(engine).forEach(function (k) {
          var el = $("rv-f-" + k);
          if (!el || el.value !== guessed[k]) return;
          var v = engine[k];
          el.value = v === null || v === undefined ? "" : typeof v === "number" ? plain(v) : String(v);
          used++;
        });
        if (used) $("rv-form-title").textContent = "add “" + raw + "” (fields read by the engine: check them)";
      });
    }
  }
  /** Wraps [start, end) of a document's text in a mark when it lies in one text node; null otherwise. */
  function wrapRange(docIndex, start, end) {
    var div = $("d" + docIndex + "-text"), walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT), pos = 0, n;
    while ((n = walker.nextNode())) {
      var len = n.nodeValue.length;
      if (start >= pos && end <= pos + len) {
        if (n.parentNode.closest && n.parentNode.closest("mark")) return null;
        var r = document.createRange();
        r.setStart(n, start - pos); r.setEnd(n, end - pos);
        var mk = document.createElement("mark");
        mk.className = "zb added";
        mk.tabIndex = 0;
        r.surroundContents(mk);
        return mk;
      }
      pos += len;
    }
    return null;
  }
  function unwrapAdded(el) {
    if (!el) return;
    if (el.dataset.m !== undefined) { el.classList.remove("added"); delete el.dataset.a; return; }
    var p = el.parentNode;
    while (el.firstChild) p.insertBefore(el.firstChild, el);
    p.removeChild(el);
    p.normalize();
  }
  var addBtn = $("add-sel"), selection = null;
  function readSelection() {
    var s = window.getSelection();
    selection = null;
    if (!s || s.isCollapsed || !s.rangeCount) return null;
    var range = s.getRangeAt(0), div = textDiv(range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode);
    if (!div || textDiv(range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentNode) !== div) return null;
    var a = offsetIn(div, range.startContainer, range.startOffset), b = offsetIn(div, range.endContainer, range.endOffset);
    var text = div.textContent;
    while (a < b && /\s/.test(text.charAt(a))) a++;
    while (b > a && /\s/.test(text.charAt(b - 1))) b--;
    if (b <= a || b - a > 40) return null;
    selection = { d: Number(div.dataset.d), start: a, end: b, rect: range.getBoundingClientRect() };
    return selection;
  }
  document.addEventListener("mouseup", function (e) {
    if (e.target.closest && e.target.closest("#add-sel")) return;
    setTimeout(function () {
      var s = readSelection();
      if (!s) { addBtn.hidden = true; return; }
      addBtn.hidden = false;
      addBtn.style.top = (window.scrollY + s.rect.bottom + 4) + "px";
      addBtn.style.left = (window.scrollX + s.rect.left) + "px";
    }, 0);
  });
  addBtn.addEventListener("click", function () { var s = selection || readSelection(); addBtn.hidden = true; if (s) addFigure(s.d, s.start, s.end, "selection"); });

  // ---- painting the verdicts on marks, rows and cells
  function paint() {
    data.records.forEach(function (r, i) {
      var it = recItem(i), cls = it ? "rv-" + it.verdict : "";
      marksOf(i).forEach(function (m) { m.classList.remove("rv-right", "rv-wrong", "rv-corrected"); if (cls) m.classList.add(cls); });
      var row = rowOf(i);
      if (row) { row.dataset.review = it ? it.verdict : "none"; row.querySelector(".c-review").textContent = it ? { right: "✓", wrong: "✗", corrected: "✎" }[it.verdict] : ""; }
    });
    data.misses.forEach(function (m, j) {
      var d = store.state.docs[data.docs[m.d].doc_id], it = d && d.items["s:" + m.start + "-" + m.end];
      var el = document.querySelector('mark[data-m="' + j + '"]');
      if (!el) return;
      el.classList.toggle("rv-dismissed", !!it && it.verdict === "dismissed");
      el.classList.toggle("added", !!it && it.verdict === "added");
      if (it && it.verdict === "added") { el.dataset.a = "s:" + m.start + "-" + m.end; el.dataset.doc = data.docs[m.d].doc_id; }
    });
    document.querySelectorAll("tr[data-c]").forEach(function (tr) {
      var c = data.panel[Number(tr.dataset.c)], d = store.state.docs[data.docs[c.d].doc_id];
      var it = d && d.items["c:" + c.indicator_code + "|" + c.status + "|" + c.period];
      tr.dataset.review = it ? it.verdict : "none";
      tr.querySelector(".c-review").textContent = it ? (it.verdict === "corrected" ? "✎ " + Object.keys(it.fields).map(function (k) { return k + " " + fmt(it.fields[k]); }).join(", ") : { right: "✓", wrong: "✗" }[it.verdict]) : "";
    });
    var n = 0, t = { right: 0, wrong: 0, corrected: 0, added: 0, dismissed: 0, cells: 0 };
    data.docs.forEach(function (d) {
      var c = store.count(d.doc_id);
      Object.keys(t).forEach(function (k) { t[k] += c[k]; });
      var box = document.querySelector('.rv-complete[data-doc="' + d.i + '"]');
      if (box) box.checked = !!(store.state.docs[d.doc_id] && store.state.docs[d.doc_id].info.complete);
    });
    var judged = data.records.filter(function (r, i) { return recItem(i); }).length;
    n = data.records.length;
    $("rv-progress").textContent = judged + " / " + n + " records judged · ✓" + t.right + " ✗" + t.wrong + " ✎" + t.corrected + " · +" + t.added + " added · " + t.dismissed + " dismissed · " + t.cells + " cells";
  }
  function markComplete(docIndex, on) {
    var d = data.docs[docIndex], e = entry(d);
    e.info.complete = on;
    for (var i = d.first; i < d.first + d.count; i++) {
      var r = data.records[i], key = "r:" + r.record_id, it = e.items[key];
      if (on && !it && !r._warning) e.items[key] = { verdict: "right", doc_id: r.doc_id, record_id: r.record_id, start: r.start, end: r.end, raw: r.raw, shown: pick(r), _auto: true };
      if (!on && it && it._auto) delete e.items[key];
    }
    store.save();
    paint();
  }
  document.querySelectorAll(".rv-complete").forEach(function (b) { b.addEventListener("change", function () { markComplete(Number(b.dataset.doc), b.checked); }); });

  // ---- export, import, save, clear
  $("rv-export").addEventListener("click", function () { ZB.download(store.exportText(), "review.jsonl"); });
  var saveBtn = $("rv-save");
  if (ZB.served) {
    saveBtn.hidden = false;
    saveBtn.addEventListener("click", function () {
      ZB.saveToServer(store.exportText(), function (err, msg) { $("rv-warn").textContent = err ? "not saved: " + err : msg; });
    });
  }
  $("rv-import").addEventListener("change", function (e) {
    var file = e.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var res = store.importText(text, known);
      restoreAdded();
      paint();
      $("rv-warn").textContent = res.added + " verdicts imported" + (res.problems.length ? "; " + res.problems.join("; ") : "");
    });
  });
  $("rv-clear").addEventListener("click", function () {
    if (!window.confirm("Forget every verdict of this page's documents kept in this browser?")) return;
    data.docs.forEach(function (d) { delete store.state.docs[d.doc_id]; });
    store.save();
    location.reload();
  });
  $("copy-explain").addEventListener("click", function () {
    var t = explainCode.textContent;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function () {});
    var r = document.createRange(); r.selectNodeContents(explainCode); var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
  });
  function restoreAdded() {
    data.docs.forEach(function (d, di) {
      var e = store.state.docs[d.doc_id];
      if (!e) return;
      Object.keys(e.items).forEach(function (k) {
        var it = e.items[k];
        if (it.verdict !== "added" || it.cell || document.querySelector('mark[data-a="' + k + '"]')) return;
        var miss = data.misses.findIndex(function (m) { return m.d === di && m.start === it.start && m.end === it.end; });
        if (miss >= 0) return;
        var el = wrapRange(di, it.start, it.end);
        if (el) { el.dataset.a = k; el.dataset.doc = d.doc_id; }
      });
    });
  }

  // ---- pointer and keys
  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark.zb[data-r]");
    if (m && pinned === null) show(Number(m.dataset.r));
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest("mark[data-a]");
    if (a && a.classList.contains("added")) { selectAdded(a); return; }
    var m = e.target.closest("mark.zb[data-r]");
    if (m) { select(Number(m.dataset.r), false); return; }
    var mi = e.target.closest("mark[data-m]");
    if (mi) { selectMiss(Number(mi.dataset.m), false); return; }
    var act = e.target.closest("[data-act]");
    if (act && e.target.closest("#panel")) { doAct(act.dataset.act); return; }
    var ca = e.target.closest("[data-cact]");
    if (ca) { var tr = ca.closest("tr[data-c]"); clearSel(); tr.classList.add("sel"); current = { type: "c", i: Number(tr.dataset.c) }; pinned = -1; doAct(ca.dataset.cact); return; }
    var row = e.target.closest("tbody tr[data-r]");
    if (row) { select(Number(row.dataset.r), true); return; }
    var b = e.target.closest(".legend button");
    if (b) { toggleKind(b); return; }
    if (!e.target.closest("#panel") && !e.target.closest("th") && !e.target.closest(".filters") && !e.target.closest(".rv-bar") && !e.target.closest("#add-sel") && !e.target.closest(".cells") && !e.target.closest(".doc .meta")) select(null, false);
  });
  function doAct(a) {
    if (a === "right" || a === "wrong") judge(a);
    else if (a === "edit") edit();
    else if (a === "clear") judge("clear");
    else if (a === "add" && current && current.type === "m") { var m = data.misses[current.i]; addFigure(m.d, m.start, m.end, "miss", current.i); }
    else if (a === "dismiss" && current && current.type === "m") {
      var mm = data.misses[current.i], d = data.docs[mm.d], key = "s:" + mm.start + "-" + mm.end;
      var it = store.state.docs[d.doc_id] && store.state.docs[d.doc_id].items[key];
      setItem(d, key, it && it.verdict === "dismissed" ? null : { verdict: "dismissed", doc_id: d.doc_id, start: mm.start, end: mm.end, raw: mm.raw });
      showMiss(current.i);
    }
  }
  function step(list, sel, dir) {
    if (!list.length) return;
    var at = -1;
    for (var i = 0; i < list.length; i++) if (list[i] === sel) at = i;
    var next = list[(at + dir + list.length) % list.length];
    return next;
  }
  document.addEventListener("keydown", function (e) {
    var tag = e.target.tagName;
    if (e.key === "Escape") { if (!form.hidden) { hideForm(); return; } select(null, false); return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.ctrlKey || e.metaKey || e.altKey) return;
    var m = e.target.closest && e.target.closest("mark.zb[data-r]");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(Number(m.dataset.r), false); return; }
    var k = e.key;
    if (k === "j" || k === "k") {
      var order = Array.prototype.map.call(document.querySelectorAll("mark.zb[data-r]"), function (x) { return Number(x.dataset.r); }).filter(function (v, i, a) { return a.indexOf(v) === i; });
      var n = step(order, current && current.type === "r" ? current.i : null, k === "j" ? 1 : -1);
      if (n !== undefined) select(n, true);
    } else if (k === "m" || k === "M") {
      var ms = data.misses.map(function (_, j) { return j; });
      var nm = step(ms, current && current.type === "m" ? current.i : null, k === "m" ? 1 : -1);
      if (nm !== undefined) selectMiss(nm, true);
    } else if (k === "r") doAct("right");
    else if (k === "w") doAct("wrong");
    else if (k === "e") doAct("edit");
    else if (k === "u") doAct("clear");
    else if (k === "d") doAct("dismiss");
    else if (k === "a") {
      var s = readSelection();
      if (s) { addBtn.hidden = true; addFigure(s.d, s.start, s.end, "selection"); }
      else doAct("add");
    } else return;
    e.preventDefault();
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

  restoreAdded();
  paint();
  var table = $("records");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var q = $("f-text"), fk = $("f-kind"), fs = $("f-status"), fd = $("f-doc"), fr = $("f-review");
  var count = $("f-count");
  // the search covers what a row shows and the record's rule id, sentence, indicator code and section
  var texts = rows.map(function (r) { var rec = data.records[Number(r.dataset.r)]; return [r.textContent, rec.rule_id, rec.sentence, rec.indicator_code || "", rec.section, rec.record_id].join("\n").toLowerCase(); });
  function apply() {
    var s = q.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r, n) {
      var ok = (!s || texts[n].indexOf(s) >= 0) && (!fk.value || r.dataset.kind === fk.value) &&
        (!fs.value || r.dataset.status === fs.value) && (!fd || !fd.value || r.dataset.doc === fd.value) && (!fr.value || (r.dataset.review || "none") === fr.value);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " / " + rows.length;
  }
  [q, fk, fs, fd, fr].forEach(function (el) { if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); } });
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
  document.body.dataset.ready = "1";
})();
`;
