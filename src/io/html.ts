import { Parser } from "htmlparser2";
import { latin1Head } from "./sniff.js";

/** Elements whose content is never text of the page. */
const DROPPED = new Set(["script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "select", "textarea"]);

/** Elements that start and end a line of their own. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
  "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);

const CELL = new Set(["td", "th"]);

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", ldquo: "“", rdquo: "”",
  lsquo: "‘", rsquo: "’", mdash: "—", ndash: "–", hellip: "…", middot: "·", times: "×", divide: "÷", deg: "°", plusmn: "±",
  permil: "‰", yen: "¥", copy: "©", reg: "®", trade: "™", laquo: "«", raquo: "»", bull: "•", sup2: "²", sup3: "³", micro: "µ",
  frac12: "½", frac14: "¼", frac34: "¾", le: "≤", ge: "≥", ne: "≠", asymp: "≈", minus: "−", rarr: "→", larr: "←", sect: "§",
  para: "¶", cent: "¢", pound: "£", euro: "€", zwj: "", zwnj: "", shy: "", lrm: "", rlm: "",
};

/**
 * The text of an HTML page's body: scripts and styles dropped, block elements on lines of their own,
 * entities decoded, runs of white space collapsed: `htmlToText("<h1>一、总体</h1><p>增长5%</p>")` → "一、总体\n增长5%".
 * Tokenized by htmlparser2, in time linear in the length of the page however malformed its markup
 * (`<a<a<a…` never closed, unterminated comments and attributes).
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = "";
  let dropping: string | null = null;
  let dropDepth = 0;
  let pre = 0;
  let raw = "";
  const breakLine = () => {
    const t = line.replace(/[ \t\f\v\r\n\u00a0]+/g, (m) => (m.includes("\t") ? "\t" : " ")).trim();
    if (t) lines.push(t);
    line = "";
  };
  const flush = () => {
    if (!raw) return;
    const text = decodeEntities(raw);
    raw = "";
    if (pre > 0) {
      const parts = text.split(/\r\n|\r|\n/);
      parts.forEach((p, i) => {
        if (i > 0) breakLine();
        line += p;
      });
    } else line += text.replace(/[\r\n]+/g, " ");
  };
  const parser = new Parser(
    {
      ontext(t) {
        if (!dropping) raw += t;
      },
      onopentag(tag) {
        const name = tag.toLowerCase();
        if (dropping) {
          if (name === dropping) dropDepth++;
          return;
        }
        flush();
        if (DROPPED.has(name)) {
          dropping = name;
          dropDepth = 1;
          return;
        }
        if (name === "pre") pre++;
        if (BLOCK.has(name)) breakLine();
        else if (CELL.has(name) && line.trim()) line += "\t";
      },
      onclosetag(tag) {
        const name = tag.toLowerCase();
        if (dropping) {
          if (name === dropping && --dropDepth === 0) dropping = null;
          return;
        }
        flush();
        if (name === "pre") pre = Math.max(0, pre - 1);
        if (BLOCK.has(name)) breakLine();
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true, lowerCaseTags: true },
  );
  const body = /<body[\s>]/i.exec(html);
  parser.end(body ? html.slice(body.index) : html);
  flush();
  breakLine();
  return lines.join("\n");
}

/** Decodes character references: `decodeEntities("5&nbsp;&#20159;&yen;")` → "5 亿¥". */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (all, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
    }
    const named = NAMED[ref] ?? NAMED[ref.toLowerCase()];
    return named ?? all;
  });
}

/** The charset an HTML page declares in its first 4 KB: `declaredCharset(bytesOf('<meta charset="gbk">'))` → "gbk". */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1Head(bytes, 4096);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}
