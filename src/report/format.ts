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
        // Direction overrides and isolates in a repository's label would show the rest of the line reversed: they show as a mark instead.
        .replace(/\p{Bidi_Control}/gu, '\uFFFD')
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

/**
 * A path or identifier in a code span; falls back to escaped text when it
 * holds a backtick, HTML, `|` (GitHub splits table cells at a `|` even
 * inside a code span) or `{` (so no file can write the report's own
 * placeholders, see TIMING_PLACEHOLDER).
 */
export function code(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return /[`<>&|{]/.test(clean) ? escapeMarkdown(clean) : `\`${clean}\``;
}

/** `model=llama3, backend=vllm`, escaped; '–' when there are none. */
export function labelsText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '–' : entries.map(([k, v]) => `${escapeMarkdown(k)}=${escapeMarkdown(v)}`).join(', ');
}

/** A code span inside raw HTML (a `<summary>`), where Markdown is not rendered; `{` as for code(). */
export function htmlCode(text: string): string {
  return `<code>${neutralise(text).replace(/\{/g, '&#123;')}</code>`;
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
