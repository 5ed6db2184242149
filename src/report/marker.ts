/** First line of every Markdown report; a file holding it is our own output, never input. */
export const REPORT_MARKER = '<!-- chimera-insight:report -->';
