import { itemSchemaOf, isPanelItem, REVIEW_VERSION, ReviewHeaderSchema, type ReviewHeader, type ReviewItem } from "../model/review.js";

/** One item of a review file with the line it stands on (1-based). */
export interface ReviewLine {
  line: number;
  item: ReviewItem;
}

/** A review file read and checked line by line: the header, the items, and every problem (`file:line: …`). */
export interface ParsedReview {
  source: string;
  header: ReviewHeader | null;
  items: ReviewLine[];
  problems: string[];
}

const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((x) => `${x.path.length ? `${x.path.map(String).join(".")}: ` : ""}${x.message}`).join("; ");

/** The key that makes two items about the same thing (a record, a span, a panel cell). */
export function itemKey(i: ReviewItem): string {
  if (isPanelItem(i)) return `panel\u0000${i.doc_id}\u0000${i.cell.indicator_code}\u0000${i.cell.status}\u0000${i.cell.period}`;
  if (i.verdict === "added" || i.verdict === "dismissed") return `span\u0000${i.doc_id}\u0000${i.start}\u0000${i.end}`;
  return `record\u0000${i.doc_id}\u0000${i.record_id}`;
}

/**
 * Reads a review file (docs/review.md) and checks its form, every line: a header of this version first,
 * then items of documents the header lists, each valid, none twice, spans with end > start and raw as
 * long as the span. Nothing about the reports themselves (see `checkAgainstText`):
 * `parseReview('{"zhibiao_review":1,"tool":"zhibiao","documents":[]}', "r.jsonl").problems` → [].
 */
export function parseReview(text: string, source: string): ParsedReview {
  const out: ParsedReview = { source, header: null, items: [], problems: [] };
  const at = (line: number, msg: string) => out.problems.push(`${source}:${line}: ${msg}`);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const seen = new Map<string, number>();
  let headerSeen = false;
  lines.forEach((l, n) => {
    const line = n + 1;
    if (!l.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(l);
    } catch (e) {
      at(line, `not JSON (${(e as Error).message})`);
      if (!headerSeen) headerSeen = true;
      return;
    }
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      at(line, "not a JSON object");
      headerSeen = true;
      return;
    }
    const o = json as Record<string, unknown>;
    if (!headerSeen) {
      headerSeen = true;
      if (!("zhibiao_review" in o)) {
        at(line, `not a review file: the first line must be the header {"zhibiao_review": ${REVIEW_VERSION}, …} (docs/review.md)`);
        return;
      }
      if (o.zhibiao_review !== REVIEW_VERSION) {
        at(line, `review format version ${JSON.stringify(o.zhibiao_review)}; this zhibiao reads version ${REVIEW_VERSION} only`);
        return;
      }
      const h = ReviewHeaderSchema.safeParse(o);
      if (!h.success) at(line, `bad header: ${issues(h.error)}`);
      else {
        out.header = h.data;
        const ids = new Set<string>();
        for (const d of h.data.documents) {
          if (ids.has(d.doc_id)) at(line, `bad header: document ${d.doc_id} listed twice`);
          ids.add(d.doc_id);
        }
      }
      return;
    }
    if ("zhibiao_review" in o) {
      at(line, "a second header: one review file holds one review");
      return;
    }
    const schema = itemSchemaOf(o);
    if (!schema) {
      at(line, `unknown verdict ${JSON.stringify(o.verdict)?.slice(0, 40)} (right, wrong, corrected, added, dismissed; a panel verdict has "cell")`);
      return;
    }
    const p = schema.safeParse(o);
    if (!p.success) {
      at(line, `bad ${isPanelLike(o) ? "panel verdict" : `${String(o.verdict)} item`}: ${issues(p.error)}`);
      return;
    }
    const item = p.data;
    if (!isPanelItem(item)) {
      if (item.end <= item.start) return void at(line, `span [${item.start}, ${item.end}) is empty or reversed`);
      if (item.raw.length !== item.end - item.start) return void at(line, `raw “${item.raw.slice(0, 40)}” is ${item.raw.length} characters, the span [${item.start}, ${item.end}) ${item.end - item.start}`);
    }
    if (out.header && !out.header.documents.some((d) => d.doc_id === item.doc_id)) return void at(line, `document ${item.doc_id} is not in the header's documents`);
    const key = itemKey(item);
    const before = seen.get(key);
    if (before !== undefined) return void at(line, `the same ${key.split("\u0000")[0]} as line ${before}: one verdict each`);
    seen.set(key, line);
    out.items.push({ line, item });
  });
  if (!headerSeen) out.problems.push(`${source}: empty: a review file starts with its header line (docs/review.md)`);
  return out;
}

const isPanelLike = (o: Record<string, unknown>) => "cell" in o;
