import type { Problem } from '../model/report.js';

/** Per-file problems, bounded: a file with a million bad rows must not bloat the report. */
export class ProblemLog {
  readonly items: Problem[] = [];
  dropped = 0;

  constructor(private readonly limit = 20) {}

  add(line: number | undefined, reason: string): void {
    if (this.items.length >= this.limit) {
      this.dropped += 1;
      return;
    }
    this.items.push(line === undefined ? { reason } : { line, reason });
  }

  get total(): number {
    return this.items.length + this.dropped;
  }
}
