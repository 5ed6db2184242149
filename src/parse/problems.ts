import type { Problem } from '../model/report.js';

/** How many problems a file lists; the rest are counted. */
export const PROBLEMS_LISTED = 20;

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
    const problem: Problem = line === undefined ? { reason } : { line, reason };
    this.items.push(problem);
    return problem;
  }

  get total(): number {
    return this.items.length + this.dropped;
  }
}
