import { InputError } from "./errors.js";
import { checkInflatedXml, inflateEntry, InflateLimitError, ZipFormatError } from "./zip.js";
import { DEFAULT_LIMITS, formatBytes } from "../limits.js";

/** Elements whose text is not the report's: notes, comments, tracked deletions, shapes' titles, field and index marks. */
const SKIPPED = new Set([
  "text:note", "office:annotation", "text:tracked-changes", "svg:title", "svg:desc", "text:alphabetical-index-mark",
  "text:toc-mark", "text:user-index-mark", "office:forms", "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
  "draw:frame", "draw:custom-shape", "office:event-listeners",
]);

/** Paragraphs: each a line of its own (in a table cell, joined by a space). */
const PARAGRAPH = new Set(["text:p", "text:h"]);

/**
 * The text of an OpenDocument text (.odt): `content.xml`'s body, one paragraph or heading a line,
 * table cells apart by tabs, `<text:s text:c="3"/>` as 3 spaces, `<text:tab/>` as a tab and
 * `<text:line-break/>` as a line, white space otherwise collapsed as ODF says:
 * `await odtToText(bytes)` → "一、总体\n增长5%".
 * content.xml is inflated as a stream into the XML parser, its bytes counted: past `maxXmlBytes`
 * (ZHIBIAO_MAX_XML_BYTES, 16 MB by default; declared or inflated) it is refused, `inflated-too-large`.
 */
export async function odtToText(bytes: Uint8Array, opts: { maxXmlBytes?: number } = {}): Promise<{ text: string }> {
  const { SaxesParser } = await import("saxes");
  const max = opts.maxXmlBytes ?? DEFAULT_LIMITS.maxXmlBytes;
  // counted first, dropping the bytes: a bomb is refused in about a second, before a parser holds anything
  const entries = await checkInflatedXml(bytes, max, "corrupt-odt", ".odt");
  const content = entries.find((e) => e.name === "content.xml");
  if (!content) throw new InputError("corrupt-odt", "corrupt .odt (no content.xml in the archive)");
  const lines: string[] = [];
  let line = "";
  let inBody = 0;
  let skipping = 0;
  let paragraph = 0;
  let cells: string[] | null = null;
  let cell: string[] | null = null;
  const endParagraph = () => {
    const t = line;
    line = "";
    if (cell) cell.push(t);
    else lines.push(t);
  };
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const name = tag.name;
    if (name === "office:body") inBody++;
    if (!inBody) return;
    if (skipping || SKIPPED.has(name)) {
      if (!tag.isSelfClosing) skipping++;
      return;
    }
    if (PARAGRAPH.has(name)) paragraph++;
    else if (name === "table:table-row") cells = [];
    else if (name === "table:table-cell" || name === "table:covered-table-cell") cell = [];
    else if (paragraph && name === "text:s") line += " ".repeat(Math.max(1, Number(tag.attributes["text:c"] ?? 1) || 1));
    else if (paragraph && name === "text:tab") line += "\t";
    else if (paragraph && name === "text:line-break") {
      endParagraph();
    }
  });
  parser.on("text", (t) => {
    if (!inBody || skipping || !paragraph) return;
    // ODF white space: runs of space, tab, CR, LF are one space, none at the start of a paragraph
    const collapsed = t.replace(/[ \t\r\n]+/g, " ");
    line += line.endsWith(" ") || line === "" ? collapsed.replace(/^ /, "") : collapsed;
  });
  parser.on("closetag", (tag) => {
    const name = tag.name;
    if (!inBody) return;
    if (skipping) {
      if (!tag.isSelfClosing) skipping--;
      return;
    }
    if (name === "office:body") inBody--;
    if (PARAGRAPH.has(name)) {
      paragraph--;
      if (!paragraph) endParagraph();
    } else if (name === "table:table-cell" || name === "table:covered-table-cell") {
      if (cells && cell) cells.push(cell.filter(Boolean).join(" "));
      cell = null;
    } else if (name === "table:table-row") {
      if (cells) lines.push(cells.join("\t").replace(/\t+$/, ""));
      cells = null;
    }
  });
  const decoder = new TextDecoder("utf-8");
  try {
    await inflateEntry(bytes, content, max, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof InflateLimitError) throw new InputError("inflated-too-large", `.odt inflates too much: content.xml declares ${formatBytes(content.declaredSize)} but inflates past ${formatBytes(max)}, the limit of XML (ZHIBIAO_MAX_XML_BYTES); not read`);
    if (e instanceof ZipFormatError) throw new InputError("corrupt-odt", `corrupt .odt (${e.message})`);
    const raw = String((e as Error)?.message ?? e).split("\n")[0] ?? "";
    throw new InputError("corrupt-odt", `corrupt .odt (content.xml: ${raw})`);
  }
  return { text: lines.join("\n").replace(/\n+$/, "") };
}
