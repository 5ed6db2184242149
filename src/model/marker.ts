/** First line of every Markdown report; a file holding it is our own output, never input. */
export const REPORT_MARKER = '<!-- chimera-insight:report -->';

const MARKER_PREFIX = '<!-- chimera-insight:report';

/**
 * True for our reports in every form: report.md (REPORT_MARKER) and comment
 * bodies, whose first line is the same comment with header and commit added.
 */
export function isOwnReport(text: string): boolean {
  return text.startsWith(REPORT_MARKER) || (text.startsWith(`${MARKER_PREFIX} `) && /^[^\n]*-->/.test(text));
}

/** What a sticky comment's first line says about the report it holds. */
export interface CommentMarker {
  /** `comment-header` input; '' by default. Several headers let several reports share a PR. */
  header: string;
  /** Commit the report is for (the pull request head). */
  sha: string;
  /** Workflow run that produced it, and its attempt: later runs of a PR have higher ids. */
  run: number;
  attempt: number;
}

/** Headers are written into an HTML comment verbatim, so only these characters are allowed. */
export const HEADER_PATTERN = /^[A-Za-z0-9._-]{0,64}$/;

/** `<!-- chimera-insight:report header="gpu-bench" sha="…" run="…" attempt="1" -->` */
export function commentMarker(m: CommentMarker): string {
  if (!HEADER_PATTERN.test(m.header)) throw new Error(`comment header "${m.header}" may only hold letters, digits, '.', '_' and '-'`);
  if (!/^[0-9a-f]*$/i.test(m.sha)) throw new Error(`"${m.sha}" is not a commit SHA`);
  return `${MARKER_PREFIX} header="${m.header}" sha="${m.sha.toLowerCase()}" run="${m.run}" attempt="${m.attempt}" -->`;
}

const COMMENT_MARKER = /^<!-- chimera-insight:report header="([A-Za-z0-9._-]{0,64})" sha="([0-9a-f]*)" run="(\d+)" attempt="(\d+)" -->(?:\r?\n|$)/;

/**
 * Reads the marker from a comment body. Only the very first line counts:
 * everything after it is rendered by us with `<` escaped, so text from files
 * or the model can never produce a second, fake marker that is read.
 */
export function parseCommentMarker(body: string): CommentMarker | undefined {
  const m = COMMENT_MARKER.exec(body);
  if (!m) return undefined;
  return { header: m[1] as string, sha: m[2] as string, run: Number(m[3]), attempt: Number(m[4]) };
}
