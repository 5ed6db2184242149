/**
 * One block of the report. Sections without `dropRank` are always kept (the
 * verdict, regressions, the narrative's reason); the others are dropped,
 * highest rank first and later sections before earlier ones, when the report
 * must fit a size limit.
 */
export interface Section {
  text: string;
  /** Higher ranks are dropped first; undefined means never dropped. */
  dropRank?: number;
  /** What a dropped section is called in the omission note, e.g. "files' tables". */
  kind?: string;
}

/** Drop ranks, from the first to go to the last. */
export const DROP_RANK = {
  fileTable: 30,
  collapsedDetail: 20,
  unchangedMetrics: 10,
} as const;
