/**
 * Text from repository files is untrusted: it is escaped so it can neither
 * inject HTML or Markdown structure, nor notify people (`@user`, `#123`),
 * nor break the table it sits in.
 */
export function escapeMarkdown(text: string): string {
  return neutralise(text).replace(/([\\`*_[\]{}|~!])/g, '\\$1');
}

/** What every context needs: one line, no HTML, no link, no @mention or #ref that notifies anyone. */
function neutralise(text: string): string {
  return breakAutolinks(
    quiet(
      text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;'),
    ),
  );
}

// GitHub turns bare `https://…` and `www.…` into links; a zero-width space keeps the text and drops the link.
function breakAutolinks(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, '$1:\u200b//').replace(/\bwww\./gi, 'www\u200b.');
}

// Zero-width spaces keep `@user` and `#123` readable without notifying anyone or cross-referencing an issue.
function quiet(text: string): string {
  return text.replace(/@(?=\w)/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b');
}

/** Absolute https links to github.com (or one of its subdomains): the only links untrusted prose may keep. */
export function isGitHubUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'github.com' || u.hostname.endsWith('.github.com')) && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Prose from the model (or a repository file) that may keep its Markdown
 * emphasis, lists and code, but nothing that reaches outside the comment:
 * HTML is shown as text (so `<!--` cannot fake our marker or hide content),
 * images become their alt text, links survive only to github.com, bare URLs
 * and `www.` stop being links, and `@user` / `#123` notify no one.
 */
export function sanitizeProse(text: string): string {
  const links: string[] = [];
  const keep = (markdown: string) => `\u0000${links.push(markdown) - 1}\u0000`;
  const out = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, (_, alt: string) => alt)
    .replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, '')
    .replace(/\[([^\]\n]*)\]\(\s*([^)\s]*)[^)\n]*\)/g, (_, label: string, url: string) => (isGitHubUrl(url) ? keep(`[${quiet(label)}](${url})`) : label));
  return breakAutolinks(quiet(out)).replace(/\u0000(\d+)\u0000/g, (_, i: string) => links[Number(i)] ?? '');
}

/** A path or identifier in a code span; falls back to escaped text when it holds a backtick or HTML. */
export function code(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return /[`<>&]/.test(clean) ? escapeMarkdown(clean) : `\`${clean}\``;
}

/** A code span inside raw HTML (a `<summary>`), where Markdown is not rendered. */
export function htmlCode(text: string): string {
  return `<code>${neutralise(text)}</code>`;
}

/** Numbers as users compare them: integers whole, others to 2 decimals, small ones to 3 significant digits. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)}%`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** 2026-11-22T08:30:00.000Z → 2026-11-22 08:30 UTC */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

