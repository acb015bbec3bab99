import type { Sentence } from "../segment/types.js";
import type { FigureContext } from "./accept.js";
import { statusOf } from "../refine/status.js";

/**
 * The context of a span from the engine's sentences: the sentence holding it (or the nearest one
 * before), its heading path, topic and part (a plan part makes a target):
 * `contextAt(trace.sentences, source, 120, 124, 2023)`.
 */
export function contextAt(sentences: readonly Sentence[], source: string, start: number, end: number, reportYear: number | null = null): FigureContext {
  let s: Sentence | undefined;
  for (const x of sentences) {
    if (x.start <= start) s = x;
    if (x.start <= start && x.end >= end) break;
    if (x.start > start) break;
  }
  if (!s) return { section: "", section_title: null, topic: null, sentence: source.slice(start, end), status: "actual" };
  const path = s.path;
  return {
    section: path.map((h) => h.label).join(" > "),
    section_title: path.length ? path[path.length - 1].title : null,
    topic: s.topic,
    sentence: source.slice(s.start, Math.max(s.end, end)).replace(/\s+/g, " ").trim(),
    status: statusOf(s.part, s.text, reportYear),
  };
}
