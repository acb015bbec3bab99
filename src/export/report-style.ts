/** The review page's colours by kind, in KINDS order; kinds added later cycle through the palette. */
export const KIND_COLOURS = ["#cfe3ff", "#cdeccf", "#ffe2a8", "#ffc9c9", "#e3d7ff", "#c8eeee", "#f3d1ea", "#e4e4c8"];
export const KIND_BORDERS = ["#2f6fd0", "#2e8b3a", "#c98a00", "#c73a3a", "#7650c8", "#1f8f8f", "#b0488f", "#8a8a3a"];

/** The page's style sheet (inline; no web fonts, no network): `reportCss(["quantity"])` has `.k-quantity`. */
export function reportCss(kinds: readonly string[]): string {
  const perKind = kinds
    .map((k, i) => {
      const bg = KIND_COLOURS[i % KIND_COLOURS.length];
      const bd = KIND_BORDERS[i % KIND_BORDERS.length];
      return `.k-${k}{background:${bg};border-bottom:2px solid ${bd}}.sw.k-${k}{border:1px solid ${bd}}`;
    })
    .join("\n");
  return `
:root{--fg:#1d2430;--muted:#5b6576;--line:#d9dee7;--bg:#fbfcfe;--accent:#2f6fd0}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.75 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",sans-serif}
header.top{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:8px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header.top h1{font-size:17px;margin:0}
.legend{display:flex;gap:6px;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.legend button{font:inherit;font-size:13px;cursor:pointer;border-radius:4px;padding:0 8px;color:var(--fg)}
.legend button[aria-pressed=false]{opacity:.45;text-decoration:line-through}
.layout{display:grid;grid-template-columns:250px minmax(0,1fr) 340px;gap:0;align-items:start}
nav.outline{position:sticky;top:52px;max-height:calc(100vh - 52px);overflow:auto;padding:12px;border-right:1px solid var(--line);font-size:13px}
nav.outline ol{list-style:none;margin:0;padding:0}
nav.outline a{color:var(--fg);text-decoration:none;display:block;padding:1px 4px;border-radius:3px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
nav.outline a:hover{background:#eef2f8}
nav.outline .n{color:var(--muted);font-variant-numeric:tabular-nums;float:right;margin-left:4px}
nav.outline .l2{padding-left:12px}nav.outline .l3{padding-left:24px}nav.outline .l4{padding-left:36px}
nav.outline .doc{font-weight:bold;margin-top:8px}
main{padding:12px 24px;min-width:0}
section.doc{margin-bottom:40px}
section.doc>h2{font-size:20px;margin:8px 0}
.meta{color:var(--muted);font-size:13px;margin:0 0 8px}
.text{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid var(--line);border-radius:6px;padding:16px 20px}
.h{font-weight:bold;scroll-margin-top:60px}.h1{font-size:1.12em}
mark.zb{color:inherit;border-radius:3px;padding:0 1px;cursor:pointer;scroll-margin-top:120px}
mark.zb:hover,mark.zb:focus{outline:2px solid var(--fg);outline-offset:1px}
mark.zb.sel{outline:3px solid var(--accent);outline-offset:1px}
mark.zb.bad{text-decoration:underline wavy #c73a3a}
.dim mark.zb:not(.show){background:none;border-bottom-color:transparent}
${perKind}
mark.zb.st-target{border-bottom-style:dashed;background-image:repeating-linear-gradient(135deg,rgba(255,255,255,.55) 0 3px,transparent 3px 7px)}
.sw.st-actual{border:1px solid var(--fg);border-bottom:2px solid var(--fg)}.sw.st-target{border:1px dashed var(--fg);border-bottom:2px dashed var(--fg);background-image:repeating-linear-gradient(135deg,#eee 0 3px,transparent 3px 7px)}
mark.miss,.sw.miss{background:none;border-bottom:2px dotted #c73a3a;color:inherit;cursor:pointer}
mark.miss.rv-dismissed{border-bottom-color:#bbb;color:var(--muted)}
mark.added,mark.miss.added{background:#fff3b0;border-bottom:2px solid #b38f00}
mark.zb.rv-right{box-shadow:inset 0 -3px 0 #2e8b3a}
mark.zb.rv-wrong{text-decoration:line-through 2px #c73a3a}
mark.zb.rv-corrected{box-shadow:inset 0 -3px 0 #7650c8}
mark.zb.rv-right::after{content:"✓";color:#2e8b3a;font-size:.75em;vertical-align:super}
mark.zb.rv-wrong::after{content:"✗";color:#c73a3a;font-size:.75em;vertical-align:super}
mark.zb.rv-corrected::after{content:"✎";color:#7650c8;font-size:.75em;vertical-align:super}
mark.miss.sel,mark.added.sel{outline:3px solid var(--accent);outline-offset:1px}
.rv-bar{display:flex;gap:8px;align-items:center;flex-wrap:wrap;font-size:13px}
.rv-bar button,.rv-bar .import,.rv-actions button{font:inherit;font-size:13px;cursor:pointer}
.rv-bar .import input{width:0;height:0;opacity:0;position:absolute}
.rv-bar .import{border:1px solid var(--line);border-radius:3px;padding:0 6px;background:#f6f7f9}
.rv-actions{display:flex;gap:4px;flex-wrap:wrap;align-items:center;margin:6px 0}
#rv-state{color:var(--muted);font-size:12px}
kbd{font-size:11px;border:1px solid var(--line);border-radius:3px;padding:0 3px;background:#f6f7f9}
#rv-form{border:1px solid var(--line);border-radius:6px;padding:8px;margin:6px 0;background:#fbfbff}
#rv-form h3{font-size:13px;margin:0 0 6px}
.rv-fields{display:grid;grid-template-columns:1fr;gap:4px}
.rv-fields label{display:grid;grid-template-columns:9em minmax(0,1fr);gap:4px;align-items:center}
.rv-fields label small{grid-column:2;color:var(--muted)}
.rv-fields input,.rv-fields select{font:inherit;font-size:13px;padding:1px 4px;min-width:0}
.explain code{font-size:12px;word-break:break-all;background:#f3f4f7;padding:1px 4px}
.reads{margin:0;font-size:14px}
#add-sel{position:absolute;z-index:9;font:inherit;font-size:13px;cursor:pointer;background:#fff3b0;border:1px solid #b38f00;border-radius:4px}
details.cells{margin:8px 0 12px}details.cells summary{cursor:pointer;color:var(--muted)}
table.cells tr.sel{background:#e2ecfb}table.cells tr[data-review=wrong] td{text-decoration:line-through}
table.cells td.rv button{font-size:12px;cursor:pointer;padding:0 4px}
table.records tr[data-review=right] td.c-review{color:#2e8b3a}table.records tr[data-review=wrong] td.c-review{color:#c73a3a}
.sw{display:inline-block;border-radius:3px;padding:0 6px}
table{border-collapse:collapse;font-size:13px;background:#fff}
th,td{border:1px solid var(--line);padding:2px 6px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.counts{margin:8px 0 12px}
table.records{width:100%}
table.records td{white-space:nowrap}
table.records td.c-section_title,table.records td.c-indicator{white-space:normal;min-width:14em}
table.records th{position:sticky;top:52px;background:#eef2f8;cursor:pointer;user-select:none;white-space:nowrap}
table.records th[aria-sort=ascending]::after{content:" ▲"}table.records th[aria-sort=descending]::after{content:" ▼"}
table.records tbody tr{cursor:pointer}table.records tbody tr:hover{background:#f3f6fb}
table.records tr.sel{background:#e2ecfb}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}
.filters input,.filters select{font:inherit;font-size:13px;padding:2px 6px}
aside#panel{position:sticky;top:52px;max-height:calc(100vh - 52px);overflow:auto;padding:12px;border-left:1px solid var(--line);font-size:13px;background:#fff}
aside#panel h2{font-size:15px;margin:0 0 6px}
aside#panel dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 8px;margin:0}
aside#panel dt{color:var(--muted)}aside#panel dt code{font-size:11px}
aside#panel dd{margin:0;word-break:break-word}
aside#panel .hint{color:var(--muted)}
.warn{color:#a12a2a}
@media (max-width:1100px){.layout{grid-template-columns:1fr}nav.outline,aside#panel{position:static;max-height:none;border:0}}
`;
}
