/**
 * The run's series cap (LIMITS.seriesPerRun) decided while files are still
 * being read. Files are taken in path order; the first file whose series do
 * not fit after the files before it is the cut, and every file after it is
 * past the cap: not read at all, whatever it holds, so a tree far past the
 * cap costs the files under it and not the rest. The cut depends only on the
 * files' contents, never on which file finished reading first, so the same
 * tree keeps the same files on every run.
 */
export class RunCap {
  private readonly counts: (number | undefined)[];
  /** The first file whose series count is not known yet. */
  private next = 0;
  /** Series of the files before `next`. */
  private total = 0;
  private cut = Number.POSITIVE_INFINITY;

  constructor(
    private readonly cap: number,
    files: number,
  ) {
    this.counts = new Array<number | undefined>(files);
  }

  /** The number of series file `index` (in path order) yields; 0 for a file not parsed. */
  record(index: number, series: number): void {
    this.counts[index] = series;
    while (this.cut === Number.POSITIVE_INFINITY && this.next < this.counts.length) {
      const count = this.counts[this.next];
      if (count === undefined) return;
      if (this.total + count > this.cap) this.cut = this.next;
      else {
        this.total += count;
        this.next += 1;
      }
    }
  }

  /** Whether file `index` comes after the first file that did not fit: such a file is not read. */
  isPast(index: number): boolean {
    return index > this.cut;
  }
}
