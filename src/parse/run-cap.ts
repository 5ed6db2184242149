/**
 * The run's series cap (LIMITS.seriesPerRun), decided while files are still
 * being read. Files are taken in path order. A file whose series do not fit
 * after the files before it is the cut: it is skipped, and every file after
 * it is left out too, read or not, so a tree far past the cap costs the files
 * under it and not the rest. Files are counted as the report counts them: a
 * file another file supersedes (criterion's estimates.json beside its
 * sample.json, see dropSuperseded) counts nothing once the superseding file
 * is taken, and the cut file supersedes nothing, since it is not kept. The
 * cut depends only on the files' contents, never on which read finished
 * first, so the same tree keeps the same files on every run.
 */
export class RunCap {
  private readonly counts: (number | undefined)[];
  private readonly supersedes: (readonly number[] | undefined)[];
  /** Files taken whose series another taken file replaces: counted as zero. */
  private readonly replaced = new Set<number>();
  /** The first file not yet taken (its count, or one before it, is still unknown). */
  private next = 0;
  /** Series of the files taken, as the report will count them. */
  private total = 0;
  private cutAt: number | undefined;

  constructor(
    private readonly cap: number,
    files: number,
  ) {
    this.counts = new Array<number | undefined>(files);
    this.supersedes = new Array<readonly number[] | undefined>(files);
  }

  /**
   * File `index` (in path order) yields `series` series (0 when it is not
   * parsed) and replaces the files at `supersedes` (indices in path order).
   */
  record(index: number, series: number, supersedes: readonly number[] = []): void {
    this.counts[index] = series;
    this.supersedes[index] = supersedes;
    while (this.cutAt === undefined && this.next < this.counts.length) {
      const count = this.counts[this.next];
      if (count === undefined) return;
      const own = this.replaced.has(this.next) ? 0 : count;
      // Series of files already taken that this one replaces leave the run with it.
      let freed = 0;
      for (const other of this.supersedes[this.next] ?? []) if (other < this.next && !this.replaced.has(other)) freed += this.counts[other] ?? 0;
      if (this.total - freed + own > this.cap) {
        this.cutAt = this.next;
        return;
      }
      for (const other of this.supersedes[this.next] ?? []) this.replaced.add(other);
      this.total += own - freed;
      this.next += 1;
    }
  }

  /** The first file that did not fit, once known: it and every file after it are left out. */
  get cut(): number | undefined {
    return this.cutAt;
  }

  /** Whether file `index` comes after the cut: such a file is left out, and not read once the cut is known. */
  isPast(index: number): boolean {
    return this.cutAt !== undefined && index > this.cutAt;
  }
}
