import type { GoldDoc, GoldMention } from "../eval/gold.js";
import { isPanelItem, type ReviewFields } from "../model/review.js";
import type { ParsedReview } from "./parse.js";

/** One line of a panel gold file (../shared/gold/panel/<doc>.jsonl, PANEL.md). */
export interface PanelGoldLine {
  doc: string;
  indicator: string;
  status: string;
  period: string;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  qualifier: string | null;
  quote: string;
}

/** What a review says the mentions of its documents are, in the gold format of ../shared/gold. */
export interface ReviewGold {
  /** One per document with at least one verdict (or marked complete), sorted by doc_id. */
  docs: GoldDoc[];
  /** Panel gold lines by doc_id, from the right and corrected cells. */
  panel: Map<string, PanelGoldLine[]>;
}

function mention(span: { start: number; end: number; raw: string }, f: Partial<ReviewFields>): GoldMention {
  return {
    start: span.start,
    end: span.end,
    raw: span.raw,
    kind: f.kind ?? "",
    value: f.value ?? 0,
    value_max: f.value_max ?? null,
    unit: f.unit ?? "",
    qualifier: f.qualifier ?? "exact",
    indicator: f.indicator ?? "",
    status: f.status ?? "actual",
    section_title: f.section_title ?? "",
  };
}

/**
 * A review as gold (GUIDE.md): records judged right (as shown), corrected (shown with the corrections),
 * added; wrong records and dismissed misses are not mentions. A document marked complete is gold over
 * its whole text; otherwise only over the judged spans (its windows), so a record nobody looked at is
 * neither a miss nor an extra: `reviewToGold(parseReview(text, "r.jsonl")).docs`.
 */
export function reviewToGold(review: ParsedReview): ReviewGold {
  const docs: GoldDoc[] = [];
  const panel = new Map<string, PanelGoldLine[]>();
  for (const d of [...(review.header?.documents ?? [])].sort((a, b) => a.doc_id.localeCompare(b.doc_id))) {
    const items = review.items.map((l) => l.item).filter((i) => i.doc_id === d.doc_id);
    const cells: PanelGoldLine[] = [];
    const gold: GoldMention[] = [];
    const windows: [number, number][] = [];
    for (const i of items) {
      if (isPanelItem(i)) {
        if (i.verdict === "wrong") continue;
        const c = { ...i.cell, ...(i.fields ?? {}) };
        cells.push({ doc: d.doc_id, indicator: c.indicator_code, status: c.status, period: c.period, value: c.value, value_max: c.value_max, unit: c.unit, qualifier: c.qualifier, quote: i.cell.raw });
        continue;
      }
      windows.push([i.start, i.end]);
      if (i.verdict === "right") gold.push(mention(i, i.shown));
      else if (i.verdict === "corrected") gold.push(mention(i, { ...i.shown, ...i.fields }));
      else if (i.verdict === "added") gold.push(mention(i, i.fields));
    }
    if (cells.length) panel.set(d.doc_id, cells);
    if (!d.complete && !windows.length) continue;
    gold.sort((a, b) => a.start - b.start || a.end - b.end);
    windows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    docs.push({ doc_id: d.doc_id, gold, windows: d.complete ? null : windows });
  }
  return { docs, panel };
}

/** A gold file's text: the windows line first when partial, then one mention a line: `goldJsonl(doc)`. */
export function goldJsonl(doc: GoldDoc): string {
  const lines = doc.windows ? [JSON.stringify({ windows: doc.windows })] : [];
  for (const g of doc.gold) {
    const { value_max, ...rest } = g;
    lines.push(JSON.stringify(value_max === null || value_max === undefined ? rest : { ...rest, value_max }));
  }
  return lines.join("\n") + "\n";
}

/** A panel gold file's text, one cell a line: `panelGoldJsonl(lines)`. */
export function panelGoldJsonl(lines: readonly PanelGoldLine[]): string {
  return lines.map((l) => JSON.stringify(l)).join("\n") + "\n";
}
