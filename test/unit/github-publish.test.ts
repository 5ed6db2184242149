import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Logger } from '../../src/github/client.js';
import { eventTarget, type EventTarget } from '../../src/github/context.js';
import { publish, publishBudgetReason, type PublishOutcome, type PublishSettings } from '../../src/github/publish.js';
import { startBudget, type Budget } from '../../src/util/deadline.js';
import { COMMENT_LIMIT_CHARS } from '../../src/github/summary.js';
import { SUMMARY_LIMIT_BYTES, renderMarkdown, reportSections, withRenderTime } from '../../src/report/markdown.js';
import type { Report } from '../../src/model/report.js';
import { ACTIONS_BOT, FakeGitHub } from '../fakes/github-server.js';
import { benchmarkReport, comparisonOf, regression } from '../fakes/report.js';

const HEAD = 'b'.repeat(40);
const PUSHED = 'c'.repeat(40);
const LIST = /^\/repos\/acme\/inference\/issues\/7\/comments$/;
const SETTINGS: PublishSettings = { comment: true, header: '', commentOnPush: false, timeoutMs: 120_000 };

let fake: FakeGitHub;
let summaries: string[];
let annotations: { message: string; file?: string }[];
let log: Logger & { infos: string[]; warnings: string[] };

beforeEach(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_workflow', { user: ACTIONS_BOT, canWrite: true, installation: true });
  fake.addToken('ghs_forkreadonly', { user: ACTIONS_BOT, canWrite: false, installation: true });
  fake.addPull({ number: 7, state: 'open', head: { sha: HEAD, ref: 'faster-kv-cache', owner: 'acme' } });
  summaries = [];
  annotations = [];
  const infos: string[] = [];
  const warnings: string[] = [];
  log = { infos, warnings, info: (m) => infos.push(m), warning: (m) => warnings.push(m), debug: () => {} };
});

afterEach(async () => {
  await fake.close();
});

const pullRequest: EventTarget = { kind: 'pull_request', number: 7, headSha: HEAD, headRef: 'faster-kv-cache' };

async function run(options: { event?: EventTarget; token?: string; settings?: Partial<PublishSettings>; report?: Report; budget?: Budget; wholeMarkdown?: boolean } = {}): Promise<PublishOutcome> {
  const report = options.report ?? benchmarkReport();
  const budget = options.budget;
  return publish(
    {
      report,
      markdown: options.wholeMarkdown === false ? undefined : renderMarkdown(report),
      reportPath: '/runner/_temp/chimera-insight/report.md',
      settings: { ...SETTINGS, ...options.settings },
      event: options.event ?? pullRequest,
      repo: { owner: 'acme', repo: 'inference' },
      run: { id: 5001, attempt: 1, url: 'https://github.com/acme/inference/actions/runs/5001' },
    },
    {
      api: createClient(options.token ?? 'ghs_workflow', { baseUrl: fake.url, log, sleep: async () => {}, ...(budget ? { budget } : {}) }),
      writeSummary: async (md) => void summaries.push(md),
      annotate: (message, properties) => annotations.push({ message, ...(properties.file ? { file: properties.file } : {}) }),
      log,
      ...(budget ? { budget } : {}),
    },
  );
}

describe('publish on a pull request', () => {
  it('writes the job summary and the sticky comment, and returns its id and url', async () => {
    const outcome = await run();
    const [comment] = fake.commentsOn('issue:7');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.startsWith('<!-- chimera-insight:report -->\n## 📊 Chimera Insight: benchmark report (no comparison asked)')).toBe(true);
    expect(summaries[0]).toContain('\n## Details\n');
    expect(comment?.body.startsWith(`<!-- chimera-insight:report header="" sha="${HEAD}" run="5001" attempt="1" -->\n## 📊 Chimera Insight: benchmark report (no comparison asked)`)).toBe(true);
    // The comment is the digest; the details stay in the summary it links to.
    expect(comment?.body).not.toContain('## Details');
    expect(comment?.body).toContain('[job summary](https://github.com/acme/inference/actions/runs/5001)');
    expect(outcome.comment).toEqual({ id: comment?.id, url: `https://github.com/acme/inference/pull/7#issuecomment-${comment?.id}`, action: 'created' });
    expect(log.warnings).toEqual([]);
  });

  it('annotates regressed gated metrics on their files', async () => {
    await run({ report: benchmarkReport({ comparison: comparisonOf([regression('bench/run-000/throughput.csv', 'model-0', 2)]) }) });
    expect(annotations).toEqual([
      { message: 'tokens_s (model=model-0) fell 15.0% (80 → 68 tok/s) against the baseline, past the 5.0% threshold.', file: 'bench/run-000/throughput.csv' },
    ]);
  });

  it('on a read-only token (fork PR) warns once with the fix, keeps the summary and does not throw', async () => {
    const outcome = await run({ token: 'ghs_forkreadonly' });
    expect(log.warnings).toEqual([
      'Could not comment on pull request #7: the token may not write there (403 Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment). ' +
        'Pull requests from forks get a read-only token: run the benchmarks in a `pull_request` workflow that uploads them and comment from a `workflow_run` workflow (see docs/publishing.md in Chimera Insight and examples/workflows/). ' +
        'For pull requests from this repository, grant `permissions: pull-requests: write`. The report is in the job summary.',
    ]);
    expect(summaries).toHaveLength(1);
    expect(outcome.comment).toBeUndefined();
    expect(fake.commentsOn('issue:7')).toEqual([]);
  });

  it('degrades to the summary with one warning when the API keeps failing', async () => {
    fake.fail({ method: 'GET', path: LIST, status: 503, times: 10 });
    const outcome = await run();
    expect(log.warnings).toEqual(['Could not publish the report comment on pull request #7 (503 Server Error). The report is in the job summary.']);
    expect(summaries).toHaveLength(1);
    expect(outcome.comment).toBeUndefined();
  });

  it('posts the digest, far under the comment limit, when the full report is twice that limit', async () => {
    const report = benchmarkReport({ files: 40, perFile: 40, comparison: comparisonOf([regression('bench/run-000/throughput.csv', 'model-0', 2)]) });
    expect(renderMarkdown(report).length).toBeGreaterThan(2 * COMMENT_LIMIT_CHARS);
    await run({ report });
    const [post] = fake.requestsTo('POST', LIST);
    const body = post?.body?.body as string;
    expect(post?.status).toBe(201);
    expect(body.length).toBeLessThan(20_000);
    const digest = reportSections(report, { depth: 'digest', links: { summaryUrl: 'https://github.com/acme/inference/actions/runs/5001', reportPath: '/runner/_temp/chimera-insight/report.md' } });
    for (const section of digest) expect(body).toContain(withRenderTime(section.text, report.timings.renderMs).replace(/^<!-- chimera-insight:report -->/, ''));
    expect(body).not.toContain('omitted to stay under');
  });

  it('shows the worst regressions of thousands in the digest and counts the rest', async () => {
    const regressions = Array.from({ length: 3000 }, (_, i) => regression('bench/run-000/throughput.csv', `model-${i}`, i + 2));
    const report = benchmarkReport({ comparison: comparisonOf(regressions) });
    await run({ report });
    const [post] = fake.requestsTo('POST', LIST);
    const body = post?.body?.body as string;
    expect(post?.status).toBe(201);
    expect(body.length).toBeLessThan(20_000);
    expect(body.startsWith(`<!-- chimera-insight:report header="" sha="${HEAD}"`)).toBe(true);
    expect(body).toContain('## ❌ Chimera Insight: 3000 gated metrics regressed');
    expect(body.match(/^\| `tokens_s`<br>model-\d+ \|/gm)).toHaveLength(8);
    expect(body).toContain('<sub>3000 compared: 3000 regressed; 2992 more of these not shown here. Every comparison, with p-values and notes, is in the job summary.</sub>');
  });

  it('keeps the job summary under 1 MiB and points to report.md', async () => {
    const report = benchmarkReport({ files: 400, perFile: 40 });
    expect(Buffer.byteLength(renderMarkdown(report))).toBeGreaterThan(SUMMARY_LIMIT_BYTES);
    await run({ report });
    expect(Buffer.byteLength(summaries[0] as string)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(summaries[0]?.endsWith('\n**Full report:** in report.md (/runner/_temp/chimera-insight/report.md on the runner; output `report-path`).\n')).toBe(true);
  });

  it('writes the same trimmed summary when the report was too large to be held as one string', async () => {
    const report = benchmarkReport({ files: 400, perFile: 40 });
    await run({ report });
    await run({ report, wholeMarkdown: false });
    expect(summaries[1]).toBe(summaries[0]);
  });

  it('redacts secrets from the comment and the summary', async () => {
    const report = benchmarkReport();
    (report.series[0] as { labels: Record<string, string> }).labels = { model: `ghp_${'x'.repeat(36)}` };
    await run({ report });
    expect(summaries[0]).not.toContain('ghp_');
    expect(fake.commentsOn('issue:7')[0]?.body).not.toContain('ghp_');
    expect(summaries[0]).toContain('model=[redacted:46eb12]');
  });

  it('makes no API call when comment is false', async () => {
    await run({ settings: { comment: false } });
    expect(fake.requests).toEqual([]);
    expect(summaries).toHaveLength(1);
  });
});

describe('publish while another run holds the comment', () => {
  it('gives up waiting for a lock that is never released when the publishing budget runs out, keeping the summary', async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, `<!-- chimera-insight:report header="" sha="${HEAD}" run="4999" attempt="1" -->\n# report\n`);
    fake.addReaction(ours.id, ACTIONS_BOT, 'eyes');
    const budget = startBudget(1500, publishBudgetReason(1500));
    const outcome = await run({ budget }).finally(() => budget.dispose());
    expect(outcome).toEqual({ summaryWritten: true, annotations: 0 });
    expect(log.warnings).toEqual(['Could not publish the report comment on pull request #7 (the publishing time budget (publish-timeout: 1.5 s) ran out). The report is in the job summary.']);
    expect(fake.commentsOn('issue:7')[0]?.body).toContain('run="4999"');
  });
});

describe('publish on a push', () => {
  const push: EventTarget = { kind: 'push', sha: PUSHED, ref: 'refs/heads/main' };

  it('writes the summary only, without asking the API', async () => {
    const outcome = await run({ event: push });
    expect(summaries).toHaveLength(1);
    expect(fake.requests).toEqual([]);
    expect(outcome.comment).toBeUndefined();
    expect(log.infos).toContain('No comment: push events get the job summary only (set comment-on-push: true for a commit comment).');
  });

  it('comments on the commit with comment-on-push, and updates that comment on a re-run', async () => {
    const first = await run({ event: push, settings: { commentOnPush: true } });
    const second = await run({ event: push, settings: { commentOnPush: true } });
    expect(fake.commentsOn(`commit:${PUSHED}`)).toHaveLength(1);
    expect(first.comment?.url).toBe(`https://github.com/acme/inference/commit/${PUSHED}#commitcomment-${first.comment?.id}`);
    expect(second.comment).toEqual({ ...first.comment, action: 'updated' });
  });
});

describe('publish from a workflow_run (fork pull requests)', () => {
  function workflowRun(pullRequests: unknown[] = []) {
    return eventTarget('workflow_run', {
      workflow_run: { id: 4242, run_attempt: 1, event: 'pull_request', head_sha: HEAD, head_branch: 'faster-kv-cache', head_repository: { owner: { login: 'contributor' } }, pull_requests: pullRequests },
    });
  }

  it('finds the pull request from the triggering run’s head commit and comments on it', async () => {
    fake.commitPulls.set(HEAD, [7]);
    const outcome = await run({ event: workflowRun() });
    const [comment] = fake.commentsOn('issue:7');
    expect(outcome.comment?.id).toBe(comment?.id);
    expect(comment?.body.startsWith(`<!-- chimera-insight:report header="" sha="${HEAD}" run="4242" attempt="1" -->`)).toBe(true);
    expect(fake.requestsTo('GET', /\/commits\/b+\/pulls$/)).toHaveLength(1);
  });

  it('falls back to open pull requests from the fork’s branch with that head commit', async () => {
    fake.addPull({ number: 9, state: 'open', head: { sha: HEAD, ref: 'faster-kv-cache', owner: 'contributor' } });
    await run({ event: workflowRun() });
    expect(fake.commentsOn('issue:9')).toHaveLength(1);
    expect(fake.requestsTo('GET', /\/inference\/pulls$/)[0]?.query).toEqual({ state: 'open', head: 'contributor:faster-kv-cache', per_page: '100' });
  });

  it('does not comment on a pull request whose head has moved on', async () => {
    fake.addPull({ number: 9, state: 'open', head: { sha: PUSHED, ref: 'faster-kv-cache', owner: 'contributor' } });
    fake.commitPulls.set(HEAD, [9]);
    const outcome = await run({ event: workflowRun() });
    expect(outcome.comment).toBeUndefined();
    expect(fake.commentsOn('issue:9')).toEqual([]);
    expect(log.infos).toContain(`No comment: no open pull request has the triggering run's head commit ${HEAD.slice(0, 12)} as its head (pushed again since?).`);
  });

  it('uses the run’s own pull request list when GitHub filled it in', async () => {
    await run({ event: workflowRun([{ number: 7, head: { sha: HEAD } }]) });
    expect(fake.commentsOn('issue:7')).toHaveLength(1);
    expect(fake.requestsTo('GET', /\/commits\/b+\/pulls$/)).toEqual([]);
  });
});
