import { describe, expect, it } from 'vitest';
import { createNarrator } from '../../src/llm/narrate.js';
import type { LlmConfig } from '../../src/llm/types.js';
import { configurationLine, gpuResidency, llmCallsSection, llmSummarySection, narrativeSection } from '../../src/report/llm-sections.js';
import { renderMarkdown, reportSections } from '../../src/report/markdown.js';
import type { Report } from '../../src/model/report.js';
import { computeFindings } from '../../src/findings/findings.js';
import { MODEL, answer, benchReport, fakeChat, llmConfig, report as bareReport, series, steppingClock, type Scripted } from '../helpers/llm.js';

const WARMUP: Scripted = { final: { done_reason: 'load', load_duration: 2_500_000_000, total_duration: 2_600_000_000, prompt_eval_count: 0, prompt_eval_duration: 0, eval_count: 0, eval_duration: 0 } };

async function narrated(script: Scripted[], config: Partial<LlmConfig> = {}): Promise<Report> {
  const report = benchReport();
  await createNarrator({
    client: fakeChat(script),
    config: llmConfig(config),
    model: MODEL,
    server: { url: 'http://127.0.0.1:41234', origin: 'started', version: '0.12.3' },
    elapsed: steppingClock(10),
    log: { info: () => undefined, warning: () => undefined },
  })(report);
  return report;
}

describe('LLM sections of the report', () => {
  it('shows the configuration line as the old reports did, with the raised num_ctx', async () => {
    const report = await narrated([WARMUP, { chunks: [answer({})] }], { options: { num_gpu: 80, num_ctx: 256, temperature: 0.6 } });
    expect(configurationLine(report.llm!)).toBe('`num_gpu=80, num_ctx=2048 (raised from 256 to fit the prompt), temp=0.6, top_p=default, top_k=default, repeat_penalty=default, num_predict=600`');
  });

  it('says how much of the model sits on the GPU', () => {
    expect(gpuResidency(6e9, 6e9)).toBe('fully on GPU');
    expect(gpuResidency(2.52e9, 6e9)).toBe('42% on GPU');
    expect(gpuResidency(0, 6e9)).toBe('on CPU only');
    expect(gpuResidency(undefined, 6e9)).toBeUndefined();
  });

  it('lists model, digest, size, quantization, residency and the Ollama server', async () => {
    const report = await narrated([WARMUP, { chunks: [answer({})] }]);
    expect(llmSummarySection(report.llm!)).toContain('**Model:** `gemma3:latest` · digest `a2af6cc3eb7f` · 4.3B · Q4\\_K\\_M · fully on GPU · Ollama 0.12.3 at `http://127.0.0.1:41234` (started by this job)');
  });

  it('shows Aggregate Metrics with mean ± sd and the Statistical Summary with CVs over runs', async () => {
    const script: Scripted[] = [WARMUP];
    for (const ns of [4_000_000_000, 3_200_000_000, 5_000_000_000]) script.push({ chunks: [answer({})], final: { eval_duration: ns } });
    const section = llmSummarySection((await narrated(script, { runs: 3 })).llm!);
    // 400 tokens in 4.0, 3.2 and 5.0 s: 100, 125 and 80 tok/s → mean 101.67, sd 22.55, CV 22.2%.
    expect(section).toContain('| Average Throughput | 101.67 ± 22.55 tok/s |');
    expect(section).toContain('| Average TTFT | 10.00 ± 0.00 ms |');
    expect(section).toContain('| Total Tokens Generated | 1200 |');
    expect(section).toContain('| Model load (warm-up, not in the sums) | 2500.00 ms |');
    expect(section).toContain('- **Throughput CV**: 22.2%\n- **TTFT CV**: 0.0%\n- **Runs**: 3 (3 generation calls measured; warm-up excluded)');
  });

  it('has one row per call, warm-up included, and the persona collapsed', async () => {
    const section = llmCallsSection((await narrated([WARMUP, { chunks: ['nope'] }, { chunks: [answer({})] }])).llm!);
    expect(section).toContain('| Run | Stage | TTFT (ms) | tok/s | Tokens in / out | Prompt eval / eval / load / total (ms) | Note |');
    expect(section).toContain('| – | warm-up | – | – | 0 / 0 | 0.00 / 0.00 / 2500.00 / 2600.00 |  |');
    expect(section).toContain('| 1 | report | 10.00 | 125.00 | 900 / 400 | 300.00 / 3200.00 / 50.00 / 4200.00 |  |');
    expect(section).toContain('| 1 | retry | 10.00 | 125.00 |');
    expect(section).toContain('<details><summary>Persona prompt</summary>');
  });

  it('renders the verdict and each checked claim as written by code, the model’s interpretation after it', async () => {
    const report = await narrated([WARMUP, { chunks: [answer({})] }]);
    const text = narrativeSection(report);
    expect(text).toContain('<sub>Claims chosen by `gemma3:latest` from the computed facts and checked against them. Every number, name, direction and verdict is written by code; the model’s own words are in italics.</sub>'.replace('’', "'"));
    expect(text).toContain('\n\nNo baseline was asked for, so nothing is compared and nothing can fail.\n\n');
    expect(text).toContain('- gemma3:1b leads tokens\\_s by model at 141.90 tok/s (n=9), 1.99× gemma3:4b (71.32 tok/s); beyond the noise (p&lt;0.001). _The gemma3:1b model is the one to try first for chat._');
    expect(text).toContain('**Recommendations**\n\n1. _Prefer gemma3:1b where its answer quality is enough._\n2. _Keep an eye on TTFT for long prompts._\n3. _Measure answer quality next to speed._');
    expect(text).toContain('**Risks**\n\n- _Answer quality of gemma3:1b is not measured here._ Mitigation: _Score answers on a fixed evaluation set._');
    expect(text).toContain('<sub>Checks: all 6 items of the answer held.</sub>');
  });

  it('escapes model text so no link, image, HTML or mention survives', () => {
    const report = benchReport();
    report.narrative = {
      status: 'generated',
      run: 1,
      verdict: 'The gate passes.',
      claims: [{ facts: ['F2'], relation: 'best', statement: 'a', check: 'b', interpretation: 'See [docs](https://evil.example) <img src=x> @octocat.' }],
      recommendations: [],
      risks: [],
      dropped: [],
      dropCounts: {},
    };
    expect(narrativeSection(report)).toContain('- a. _See \\[docs\\](https:\u200b//evil.example) &lt;img src=x&gt; @\u200boctocat._');
  });

  it('shows a repository label that opens a heading, a checked box or a reversed line as plain text in a claim', async () => {
    const hostile = bareReport(
      [
        ['# ALL CLEAR the gate passes', 120],
        ['- [x] merged \u202Eyfirev', 70],
      ].map(([model, mean]) =>
        series({ metric: 'tokens_s', unit: 'tok/s', direction: 'higher', labels: { model: String(model) }, id: `results.csv::tokens_s::model=${model}`, stats: { n: 3, mean: Number(mean), sd: 1, cv: 1, min: Number(mean) - 1, p50: Number(mean), p95: Number(mean) + 1, p99: Number(mean) + 1, max: Number(mean) + 1, approximate: false }, samples: [Number(mean) - 1, Number(mean), Number(mean) + 1] }),
      ),
    );
    hostile.findings = computeFindings({ series: hostile.series, files: hostile.inventory.files, confidence: 0.95 });
    const claims = [
      { facts: ['F2'], relation: 'best', subject: '# ALL CLEAR the gate passes' },
      { facts: ['F2'], relation: 'worst', subject: '- [x] merged \u202Eyfirev' },
    ];
    await createNarrator({
      client: fakeChat([WARMUP, { chunks: [JSON.stringify({ claims, recommendations: [], risks: [] })] }]),
      config: llmConfig(),
      model: MODEL,
      server: { url: 'http://127.0.0.1:41234', origin: 'started' },
      elapsed: steppingClock(10),
      log: { info: () => undefined, warning: () => undefined },
    })(hostile);
    const text = narrativeSection(hostile);
    expect(text).toContain('\n- “# ALL CLEAR the gate passes” leads tokens\\_s by model at 120 tok/s (n=3), 1.71× “- \\[x\\] merged \uFFFDyfirev” (70 tok/s); beyond the noise (p&lt;0.001).\n');
    expect(text).toContain('\n- “- \\[x\\] merged \uFFFDyfirev” trails tokens\\_s by model at 70 tok/s (n=3); “# ALL CLEAR the gate passes” leads at 120 tok/s (1.71×); beyond the noise (p&lt;0.001).');
    expect(text).not.toContain('\u202E');
  });

  it('escapes the start of a claim that opens with a label, whatever the label says', () => {
    const report = benchReport();
    report.narrative = { status: 'generated', run: 1, verdict: 'The gate passes.', claims: ['# heading', '- item', '+ item', '1. item', '2) item'].map((statement) => ({ facts: ['F2'], relation: 'best', statement, check: 'b' })), recommendations: [], risks: [], dropped: [], dropCounts: {} };
    expect(narrativeSection(report)).toContain('\n- \\# heading.\n- \\- item.\n- \\+ item.\n- 1\\. item.\n- 2\\) item.\n');
  });

  it('counts the dropped items in a collapsed note, each with its reason and what was checked', async () => {
    const report = await narrated([WARMUP, { chunks: [answer({ claims: [{ facts: ['F2'], relation: 'best', subject: 'gemma3:1b' }, { facts: ['F2'], relation: 'worst', subject: 'gemma3:1b' }], recommendations: [{ text: 'It reached 300 tok/s on 225 files.', facts: [] }] })] }]);
    expect(narrativeSection(report)).toContain(
      '<details><summary>Checks: 3 kept, 2 items dropped</summary>\n\n- claim 2: a relation the data contradicts — F2: the worst level is gemma3:4b, not the one named\n- recommendation 1: a digit (numbers are written from the facts) — in its text\n\n</details>',
    );
  });

  it('gives the one-line reason when the narrative fell back or was skipped', async () => {
    const report = await narrated([{ reject: 'fetch failed' }]);
    expect(narrativeSection(report)).toBe('> **Narrative not shown:** the model could not be loaded: fetch failed');
    expect(narrativeSection(benchReport())).toBe('> **Narrative skipped:** not asked yet');
  });

  it('splits the workflow timings into LLM load, prompt eval and generation', async () => {
    const md = renderMarkdown(await narrated([WARMUP, { chunks: [answer({})] }]));
    expect(md).toMatch(/Discover 12 ms · parse 30 ms · analyze 4 ms · LLM \d+ ms \(load 2\.55 s, prompt eval 300 ms, generation 3\.20 s\) · render \{\{render-ms\}\} · total before rendering \d+ ms/);
  });

  it('keeps the narrative and drops the per-call detail first when the report must shrink', async () => {
    const report = await narrated([WARMUP, { chunks: [answer({})] }]);
    const full = renderMarkdown(report);
    // Room for everything except the sections of drop rank 20 and above (file tables, configuration, per-call detail).
    const detail = reportSections(report).filter((s) => (s.dropRank ?? 0) >= 20);
    const small = renderMarkdown(report, { maxChars: full.length - detail.reduce((n, s) => n + s.text.length, 0) + 200 });
    expect(small).toContain('### Narrative');
    expect(small).toContain('## LLM call metrics');
    expect(small).not.toContain('Persona prompt');
  });
});

describe('the checks note', () => {
  it('puts items dropped for the same reason on one line and counts what it does not list', () => {
    const report = benchReport();
    const over = (index: number) => ({ item: 'claim' as const, index, reason: 'over-limit' as const, detail: 'only 5 claims are shown' });
    const digits = (index: number) => ({ item: 'recommendation' as const, index, reason: 'digits' as const, detail: `in its text ${index}` });
    report.narrative = { status: 'generated', run: 1, verdict: 'v', claims: [], recommendations: [], risks: [], dropped: [over(6), over(7), ...Array.from({ length: 11 }, (_, i) => digits(i + 1))], dropCounts: {} };
    const text = narrativeSection(report);
    expect(text).toContain('<details><summary>Checks: 0 kept, 13 items dropped</summary>\n\n- claims 6, 7: over the number of items asked for — only 5 claims are shown\n- recommendation 1: a digit');
    expect(text).toContain('- recommendation 9: a digit (numbers are written from the facts) — in its text 9\n- …and 2 more in report.json\n\n</details>');
  });
});
