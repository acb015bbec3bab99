/** What segment produces: headings, paragraphs and sentences over the normalized text, with source spans. */

export type Part = "review" | "plan";

export interface Heading {
  /** Rank of the numbering style: 0 第一部分, 1 一、, 2 （一）, 3 一是, 4 1., 5 （1）. */
  rank: number;
  numbering: string;
  title: string;
  /** The heading as it reads in the path: numbering + title. */
  label: string;
  start: number;
  end: number;
  part: Part | null;
}

export interface Sentence {
  index: number;
  /** The sentence with white space removed (a space kept between two ASCII letters or digits). */
  text: string;
  /** Source offset of every character of `text`; `map[text.length]` is the source end. */
  map: Int32Array;
  start: number;
  end: number;
  paragraph: number;
  /** Heading path, outermost first. */
  path: Heading[];
  topic: string | null;
  /** The sentence is (part of) a heading's title. */
  heading: boolean;
  /** Review or plan, from the innermost classified heading above. */
  part: Part | null;
}

export interface Segmented {
  sentences: Sentence[];
  headings: Heading[];
  /** Source ranges left out of extraction (chrome, glossaries), with why. */
  excluded: { start: number; end: number; reason: string }[];
  /** Source range of the front matter (title, session, speaker, date) before the body. */
  front: { start: number; end: number };
}
