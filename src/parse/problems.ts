import type { Problem } from '../model/report.js';

/** How many problems a file lists; the rest are counted. */
export const PROBLEMS_LISTED = 20;

/** The longest reason kept: past it, text of the file quoted in it (a name, a message) is cut. */
export const REASON_CHARS = 500;

/**
 * A reason on one line and at most REASON_CHARS long: readers quote names and messages from the
 * file, and a pasted stack trace or a megabyte-long name must neither break the report's lines
 * nor fill the PR comment.
 */
function readable(reason: string): string {
  // Cut first: the line breaks are then joined in at most REASON_CHARS characters, whatever the file held.
  const cut = reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS)}…` : reason;
  return /[\r\n]/.test(cut) ? cut.replace(/\s*[\r\n]+\s*/g, ' ') : cut;
}

/** Per-file problems, bounded: a file with a million bad rows must not bloat the report. */
export class ProblemLog {
  readonly items: Problem[] = [];
  dropped = 0;

  constructor(private readonly limit = PROBLEMS_LISTED) {}

  /** Records a problem; returns it when listed (a line can still be filled in), undefined when only counted. */
  add(line: number | undefined, reason: string): Problem | undefined {
    if (this.items.length >= this.limit) {
      this.dropped += 1;
      return undefined;
    }
    const text = readable(reason);
    const problem: Problem = line === undefined ? { reason: text } : { line, reason: text };
    this.items.push(problem);
    return problem;
  }

  get total(): number {
    return this.items.length + this.dropped;
  }
}
