/**
 * The review store shared by the document pages and the index page (inline, no network): verdicts
 * kept in localStorage under the page's site id while reviewing, exported as one review file
 * (docs/review.md, src/model/review.ts), imported back, or saved by `zhibiao report --serve`.
 * Defines `ZB` (a global of the page) with load/save/exportText/importText/download.
 */
export const REVIEW_STORE_SCRIPT = String.raw`
var ZB = (function () {
  "use strict";
  var VERSION = 1;
  function Store(siteId, tool, title) {
    this.key = "zhibiao-review:" + siteId;
    this.tool = tool;
    this.title = title;
    this.memoryOnly = false;
    this.state = { docs: {} };
    try {
      var raw = window.localStorage.getItem(this.key);
      if (raw) this.state = JSON.parse(raw);
      if (!this.state || typeof this.state.docs !== "object") this.state = { docs: {} };
    } catch (e) { this.memoryOnly = true; }
  }
  Store.prototype.doc = function (info) {
    var d = this.state.docs[info.doc_id];
    if (!d) { d = this.state.docs[info.doc_id] = { info: { doc_id: info.doc_id, path: info.path, chars: info.chars, text_sha256: info.text_sha256, complete: false }, items: {} }; }
    return d;
  };
  Store.prototype.save = function () {
    if (this.memoryOnly) return false;
    try { window.localStorage.setItem(this.key, JSON.stringify(this.state)); return true; } catch (e) { this.memoryOnly = true; return false; }
  };
  Store.prototype.count = function (docId) {
    var d = this.state.docs[docId], n = { right: 0, wrong: 0, corrected: 0, added: 0, dismissed: 0, cells: 0, total: 0 };
    if (!d) return n;
    Object.keys(d.items).forEach(function (k) {
      var it = d.items[k];
      if (it.cell) n.cells++; else n[it.verdict]++;
      if (!it._auto) n.total++;
    });
    return n;
  };
  function clean(item) {
    var o = {};
    Object.keys(item).forEach(function (k) { if (k.charAt(0) !== "_") o[k] = item[k]; });
    return o;
  }
  function order(a, b) {
    var sa = a.cell ? Infinity : a.start, sb = b.cell ? Infinity : b.start;
    if (sa !== sb) return sa < sb ? -1 : 1;
    var ka = a.cell ? a.cell.indicator_code + a.cell.status + a.cell.period : String(a.end);
    var kb = b.cell ? b.cell.indicator_code + b.cell.status + b.cell.period : String(b.end);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }
  Store.prototype.exportText = function () {
    var self = this, ids = Object.keys(this.state.docs).sort();
    var docs = ids.map(function (id) { return self.state.docs[id]; }).filter(function (d) { return d.info.complete || Object.keys(d.items).length; });
    var header = { zhibiao_review: VERSION, tool: this.tool, title: this.title, saved: new Date().toISOString(), documents: docs.map(function (d) { return d.info; }) };
    var lines = [JSON.stringify(header)];
    docs.forEach(function (d) {
      Object.keys(d.items).map(function (k) { return d.items[k]; }).sort(order).forEach(function (it) { lines.push(JSON.stringify(clean(it))); });
    });
    return lines.join("\n") + "\n";
  };
  /** Merges a review file into the store; returns { added, problems }. Only documents of known text are taken. */
  Store.prototype.importText = function (text, known) {
    var lines = text.replace(/^\uFEFF/, "").split(/\r?\n/), problems = [], added = 0, header = null, self = this;
    lines.forEach(function (l, n) {
      if (!l.trim()) return;
      var o;
      try { o = JSON.parse(l); } catch (e) { problems.push("line " + (n + 1) + ": not JSON"); return; }
      if (!header) {
        if (!o || o.zhibiao_review === undefined) { problems.push("line " + (n + 1) + ": not a review file (no zhibiao_review header)"); header = {}; return; }
        if (o.zhibiao_review !== VERSION) { problems.push("line " + (n + 1) + ": review format version " + JSON.stringify(o.zhibiao_review) + "; this page reads version " + VERSION); header = {}; return; }
        header = o;
        (o.documents || []).forEach(function (d) {
          var k = known[d.doc_id];
          if (!k) return;
          if (k.text_sha256 !== d.text_sha256) { problems.push(d.doc_id + ": the review is of another text (sha256 differs); not imported"); return; }
          self.doc(k).info.complete = !!d.complete;
        });
        return;
      }
      if (!header.documents) return;
      var k = known[o.doc_id];
      if (!k) { problems.push("line " + (n + 1) + ": document " + o.doc_id + " is not on this page"); return; }
      var hd = (header.documents || []).filter(function (d) { return d.doc_id === o.doc_id; })[0];
      if (!hd || hd.text_sha256 !== k.text_sha256) return;
      self.doc(k).items[itemKey(o)] = o;
      added++;
    });
    this.save();
    return { added: added, problems: problems };
  };
  function itemKey(it) {
    if (it.cell) return "c:" + it.cell.indicator_code + "|" + it.cell.status + "|" + it.cell.period;
    if (it.verdict === "added" || it.verdict === "dismissed") return "s:" + it.start + "-" + it.end;
    return "r:" + it.record_id;
  }
  function download(text, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  /** Saves through zhibiao report --serve (same origin, loopback) when the page is served. */
  function saveToServer(text, done) {
    var x = new XMLHttpRequest();
    x.open("POST", "/review");
    x.setRequestHeader("Content-Type", "application/x-ndjson");
    x.onload = function () { done(x.status === 200 ? null : x.responseText || ("HTTP " + x.status), x.responseText); };
    x.onerror = function () { done("the server did not answer"); };
    x.send(text);
  }
  /** The engine's reading of a selection through zhibiao report --serve: done(fields or null). */
  function readSelection(text, start, end, done) {
    var x = new XMLHttpRequest();
    x.open("POST", "/read");
    x.setRequestHeader("Content-Type", "application/json");
    x.onload = function () { var f = null; try { f = x.status === 200 ? JSON.parse(x.responseText).fields : null; } catch (e) { f = null; } done(f); };
    x.onerror = function () { done(null); };
    x.send(JSON.stringify({ text: text, start: start, end: end }));
  }
  return { Store: Store, itemKey: itemKey, download: download, saveToServer: saveToServer, readSelection: readSelection, served: location.protocol === "http:" };
})();
`;
