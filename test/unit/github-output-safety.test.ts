import { describe, expect, it } from 'vitest';
import { redactJsonValue, redactLabels, redactSecrets } from '../../src/util/redact.js';
import { code, escapeMarkdown, table } from '../../src/report/format.js';
import { REPORT_MARKER, commentMarker, isOwnReport, parseCommentMarker } from '../../src/model/marker.js';
import { logSafe, withCommandsStopped } from '../../src/util/log-safe.js';

const PAT = `ghp_${'A1b2C3d4E5'.repeat(3)}123456`;

// Marks are the first six hex digits of the secret's SHA-256 (checked with `sha256sum`).
describe('secret redaction', () => {
  it('redacts GitHub tokens of every kind', () => {
    for (const prefix of ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']) {
      expect(redactSecrets(`token=${prefix}${'x'.repeat(36)} end`)).toMatch(/^token=\[redacted:[0-9a-f]{6}\] end$/);
    }
    expect(redactSecrets(`use github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123 here`)).toBe('use [redacted:e5e368] here');
  });

  it('redacts bearer credentials and AWS access key ids', () => {
    expect(redactSecrets('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc')).toBe('Authorization: Bearer [redacted:38b930]');
    expect(redactSecrets('key AKIAIOSFODNN7EXAMPLE, temporary ASIAIOSFODNN7EXAMPLE')).toBe('key [redacted:1a5d44], temporary [redacted:cb20d3]');
  });

  it('marks the same secret the same way everywhere, and two secrets apart', () => {
    const other = `ghp_${'Z9y8X7w6V5'.repeat(3)}654321`;
    expect(redactSecrets(`a ${PAT} b ${PAT}`)).toBe('a [redacted:f586a9] b [redacted:f586a9]');
    expect(redactSecrets(other)).not.toBe(redactSecrets(PAT));
    // As escapeMarkdown writes it in the comment, and as report.json holds it.
    expect(redactSecrets(PAT.replace('_', '\\_'))).toBe('[redacted:f586a9]');
  });

  it('writes the bare mark when the secret is shorter than the fingerprinted one', () => {
    expect(redactSecrets('Bearer abcdefghijklmnop')).toBe('Bearer [redacted]');
  });

  it('is idempotent: a redacted text is left as it is', () => {
    const once = redactSecrets(`${PAT} Bearer abcdefghijklmnop AKIAIOSFODNN7EXAMPLE`);
    expect(redactSecrets(once)).toBe(once);
  });

  it('redacts the start of a token that a display limit cut short', () => {
    expect(redactSecrets('x-axis ["tokens_s ghp_A1b2C3d4E5…"]')).toBe('x-axis ["tokens_s [redacted]…"]');
    expect(redactSecrets('ghp_…')).toBe('…');
  });

  it('redacts label keys and values, and hands back labels without secrets as they are', () => {
    const plain = { model: 'gemma3:4b' };
    expect(redactLabels(plain)).toBe(plain);
    expect(redactLabels({ model: PAT, [PAT]: 'x' })).toEqual({ model: '[redacted:f586a9]', '[redacted:f586a9]': 'x' });
  });

  it('redacts every string and key of a JSON document, also after an escaped newline', () => {
    const doc = { labels: { model: `line one\n${PAT}` }, [PAT]: 1, list: [`x ${PAT}`] };
    const text = JSON.stringify(doc, redactJsonValue);
    expect(text).not.toContain('ghp_');
    expect(JSON.parse(text)).toEqual({ labels: { model: 'line one\n[redacted:f586a9]' }, '[redacted:f586a9]': 1, list: ['x [redacted:f586a9]'] });
  });

  it('leaves ordinary words, hashes and short prefixes alone', () => {
    const text = 'ghp_short, bearer of news, commit 0123456789abcdef0123456789abcdef01234567, AKIA';
    expect(redactSecrets(text)).toBe(text);
  });

  it('never makes a text longer, so a trimmed report stays under its limit', () => {
    const text = `${PAT} Bearer abcdefghijklmnop AKIAIOSFODNN7EXAMPLE`;
    expect(redactSecrets(text).length).toBeLessThan(text.length);
  });
});

describe('log safety', () => {
  it('puts untrusted text on one line that cannot start a workflow command', () => {
    expect(logSafe('results.csv\n::set-output name=verdict::pass')).toBe('results.csv ::set-output name=verdict::pass');
    expect(logSafe('::add-mask::x')).toBe(': :add-mask::x');
  });

  it('redacts secrets in log lines', () => {
    expect(logSafe(`failed with ${PAT}`)).toBe('failed with [redacted:f586a9]');
  });

  it('wraps a block in stop-commands with a random token and resumes with the same token', () => {
    const lines: string[] = [];
    const value = withCommandsStopped((l) => lines.push(l), () => {
      lines.push('::error::forged by a file name');
      return 42;
    });
    expect(value).toBe(42);
    expect(lines).toHaveLength(3);
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] as string)?.[1];
    expect(token).toBeDefined();
    expect(lines[2]).toBe(`::${token}::`);
  });

  it('uses a fresh token for every block', () => {
    const lines: string[] = [];
    withCommandsStopped((l) => lines.push(l), () => {});
    withCommandsStopped((l) => lines.push(l), () => {});
    expect(lines[0]).not.toBe(lines[2]);
  });

  it('resumes commands even when the block throws', () => {
    const lines: string[] = [];
    expect(() => withCommandsStopped((l) => lines.push(l), () => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(lines[1]).toMatch(/^::[0-9a-f]{32}::$/);
  });
});

describe('Markdown from files and the model', () => {
  it('escapes HTML comments, so untrusted text cannot fake or close our marker', () => {
    expect(escapeMarkdown('fine --> <!-- chimera-insight:report header="" sha="b" run="9" attempt="1" -->')).toBe(
      'fine --&gt; &lt;\\!-- chimera-insight:report header="" sha="b" run="9" attempt="1" --&gt;',
    );
  });

  it('keeps bare URLs readable but stops them becoming links', () => {
    expect(escapeMarkdown('see https://evil.example/x and www.evil.example')).toBe('see https:\u200b//evil.example/x and www\u200b.evil.example');
  });

  it('leaves no image, link or link definition in model prose: their brackets are shown as text', () => {
    expect(escapeMarkdown('![chart](https://tracker.example/p.png) read [the docs](https://evil.example/phish).')).toBe(
      '\\!\\[chart\\](https:\u200b//tracker.example/p.png) read \\[the docs\\](https:\u200b//evil.example/phish).',
    );
    expect(escapeMarkdown('**2.4% faster**\n[1]: https://evil.example')).toBe('\\*\\*2.4% faster\\*\\* \\[1\\]: https:\u200b//evil.example');
  });

  it('mentions and issue references notify no one', () => {
    expect(escapeMarkdown('thanks @octocat, fixes #12 and acme/other#3')).toBe('thanks @\u200boctocat, fixes #\u200b12 and acme/other#\u200b3');
  });

  it('a metric or path holding `|` stays in its table cell', () => {
    // GitHub splits cells at every unescaped `|`, code spans included.
    const cells = (line: string) => line.split(/(?<!\\)\|/).length - 2;
    const rendered = table(['Metric', 'File'], [[code('tok|s'), code('runs/a|b.csv')]]).split('\n');
    expect(cells(rendered[2] as string)).toBe(cells(rendered[0] as string));
    expect(code('tokens_s')).toBe('`tokens_s`');
  });

  it('raw HTML is shown as text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)><details open>')).toBe('&lt;img src=x onerror=alert(1)&gt;&lt;details open&gt;');
  });
});

describe('comment marker', () => {
  const marker = { header: 'gpu-bench', sha: 'b'.repeat(40), run: 123, attempt: 2 };

  it('holds the header, head commit, run and attempt in a hidden HTML comment', () => {
    expect(commentMarker(marker)).toBe(`<!-- chimera-insight:report header="gpu-bench" sha="${'b'.repeat(40)}" run="123" attempt="2" -->`);
  });

  it('is read back from the first line of a comment', () => {
    expect(parseCommentMarker(`${commentMarker(marker)}\n# Chimera Insight benchmark report`)).toEqual(marker);
  });

  it('is not read anywhere but the first line', () => {
    expect(parseCommentMarker(`Looks good!\n${commentMarker(marker)}`)).toBeUndefined();
  });

  it('refuses a header that could break out of the HTML comment', () => {
    expect(() => commentMarker({ ...marker, header: 'x" --><img src=y>' })).toThrow(`comment header "x" --><img src=y>" may only hold letters, digits, '.', '_' and '-'`);
  });

  it('marks report.md and comment bodies alike as our own output, never benchmark input', () => {
    expect(isOwnReport(`${REPORT_MARKER}\n# Chimera Insight benchmark report`)).toBe(true);
    expect(isOwnReport(`${commentMarker(marker)}\n# Chimera Insight benchmark report`)).toBe(true);
    expect(isOwnReport('# Results\n\n<!-- chimera-insight:report -->')).toBe(false);
  });
});
