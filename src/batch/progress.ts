/** A one-line progress bar on a terminal: documents done/total, characters per second and time left. */
export class Progress {
  private done = 0;
  private chars = 0;
  private readonly startedAt = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly enabled = Boolean(out.isTTY),
  ) {}

  /** Counts one finished document of `chars` characters: `progress.tick(48213)`. */
  tick(chars: number): void {
    this.done++;
    this.chars += chars;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw >= 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  /** Writes a line of its own (an error) without tearing the bar: `progress.log("a.txt: empty file")`. */
  log(line: string): void {
    this.clear();
    this.out.write(`${escapeControls(line)}\n`);
    if (this.enabled && this.done < this.total) this.draw(Date.now());
  }

  /** Removes the bar. */
  clear(): void {
    if (this.shown) this.out.write("\r\x1b[2K");
    this.shown = false;
  }

  private draw(now: number): void {
    const secs = Math.max(0.001, (now - this.startedAt) / 1000);
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    const rate = this.chars / secs;
    const eta = this.done ? ((this.total - this.done) * secs) / this.done : NaN;
    this.out.write(`\r\x1b[2K${bar} ${this.done}/${this.total} docs  ${formatRate(rate)} chars/s  ETA ${formatDuration(eta)}`);
    this.shown = true;
  }
}

/** `formatRate(1234567)` → "1.2M". */
export function formatRate(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}

/** `formatDuration(75)` → "1:15"; unknown → "--:--". */
export function formatDuration(secs: number): string {
  if (!Number.isFinite(secs)) return "--:--";
  const s = Math.round(secs);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${r}` : `${m}:${r}`;
}

/**
 * A stderr line with its control characters escaped (a path holding a newline or an escape sequence
 * stays one line and cannot drive the terminal): `escapeControls("a\nb.txt")` → "a\\nb.txt".
 */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
