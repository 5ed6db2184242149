import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goDurationMs, ollamaAdapter } from '../../src/parse/adapters/ollama.js';
import { built, described, only, readFixture, readOutput } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.resolve(here, '..', '..', 'examples', 'benchmarks', 'ollama');

const PER_ANSWER = [
  'eval_rate [tok/s, higher, samples]',
  'prompt_eval_rate [tok/s, higher, samples]',
  'ttft_ms [ms, lower, samples]',
  'total_duration_ms [ms, lower, samples]',
  'load_duration_ms [ms, lower, samples]',
  'prompt_eval_duration_ms [ms, lower, samples]',
  'eval_duration_ms [ms, lower, samples]',
  'prompt_eval_count [tokens, none, samples]',
  'eval_count [tokens, none, samples]',
];

function withLabels(labels: string): string[] {
  return PER_ANSWER.map((d) => d.replace(' [', `${labels} [`));
}

describe('Go duration strings', () => {
  it('reads the forms `ollama run --verbose` prints, in ms', () => {
    expect(goDurationMs('1m2.5s')).toBe(62_500);
    expect(goDurationMs('850µs')).toBe(0.85);
    expect(goDurationMs('1.2ms')).toBe(1.2);
    expect(goDurationMs('1h0m0s')).toBe(3_600_000);
    expect(goDurationMs('350ns')).toBe(0.00035);
    expect(goDurationMs('0s')).toBe(0);
  });

  it('refuses text that is not a duration', () => {
    expect(goDurationMs('12 ms')).toBeUndefined();
    expect(goDurationMs('fast')).toBeUndefined();
  });
});

describe('`ollama run --verbose` logs', () => {
  it('reads every timing block as one sample, grouped by the model of the `ollama run` line before it', async () => {
    const outcome = await readFixture('ollama/verbose-two-models.log');
    expect(parsed(outcome)).toMatchObject({ adapter: 'ollama', rows: 3 });
    expect(described(built(outcome))).toEqual([...withLabels('{model=llama3.2:3b}'), ...withLabels('{model=qwen2.5:0.5b}')]);
  });

  it('keeps the printed rates and converts Go durations to ms', async () => {
    const series = built(await readFixture('ollama/verbose-two-models.log'));
    const llama = { model: 'llama3.2:3b' };
    expect(only(series, 'eval_rate', llama).samples).toEqual([66.22, 66.67]);
    expect(only(series, 'total_duration_ms', llama).samples).toEqual([62_500, 2000.1]);
    expect(only(series, 'load_duration_ms', llama).samples).toEqual([1500, 0.85]);
    expect(only(series, 'eval_count', llama).samples).toEqual([298, 120]);
  });

  it('derives a server-side time to first token: load plus prompt eval', async () => {
    const series = built(await readFixture('ollama/verbose-two-models.log'));
    expect(only(series, 'ttft_ms', { model: 'qwen2.5:0.5b' }).samples).toEqual([32.3]);
  });

  it('takes the model from an `ollama run` command written after a heading, so two models are not pooled', async () => {
    const series = built(await readFixture('ollama/verbose-headed.log'));
    expect(only(series, 'eval_rate', { model: 'phi3:mini-q8_0' }).samples).toEqual([10]);
    expect(only(series, 'eval_rate', { model: 'phi3:mini-q6_K' }).samples).toEqual([12.5]);
  });

  it('reads a log filtered to its rate lines (`… | grep "eval rate:"`), one sample a line', async () => {
    const outcome = await readFixture('ollama/eval-rates-only.txt');
    expect(parsed(outcome)).toMatchObject({ adapter: 'ollama', rows: 3 });
    expect(only(built(outcome), 'eval_rate').samples).toEqual([5.25, 5.75, 6]);
  });

  it('takes no model from prose that mentions ollama run mid-sentence', () => {
    const text = 'We then ollama run cleanup and wait.\ntotal duration:       2s\neval count:           20 token(s)\neval duration:        1s\neval rate:            20.00 tokens/s\n';
    const outcome = ollamaAdapter.parse({ path: 'notes.log', type: 'text', text });
    expect(built(outcome).map((s) => s.labels)).toEqual(built(outcome).map(() => ({})));
  });

  it('does not claim a log without Ollama timing lines', () => {
    expect(ollamaAdapter.detect({ path: 'build.log', type: 'text', text: 'compiling...\nduration: 3s\nrate: 5 tokens/s\n' })).toBe(false);
  });
});

describe('`ollama run --verbose` output pasted into a Markdown page', () => {
  it('is read as the log it is when the page holds no metric table (a table of commands is not one)', async () => {
    const outcome = await readFixture('ollama/setup-notes.md');
    expect(parsed(outcome)).toMatchObject({ adapter: 'ollama', rows: 1 });
    const series = built(outcome);
    expect(only(series, 'eval_rate', { model: 'llama3.2:1b' }).samples).toEqual([94.74]);
    expect(only(series, 'total_duration_ms', { model: 'llama3.2:1b' }).samples).toEqual([912.4]);
  });

  it('labels each block with the model a `Model:` line before it names, so five models are never one series', async () => {
    const series = built(await readFixture('ollama/speed-notes.md'));
    expect(only(series, 'eval_rate', { model: 'qwen3:1.7b', section: 'Ollama' }).samples).toEqual([47.76]);
    expect(only(series, 'eval_rate', { model: 'qwen3:8b', section: 'Ollama' }).samples).toEqual([13.93]);
  });

  it('reads a page that pastes Ollama timings and llama-bench tables (in code blocks) under its headings, each by its tool', async () => {
    const outcome = parsed(await readFixture('ollama/speed-notes.md'));
    expect(outcome.adapter).toBe('ollama+llama-bench');
    const series = built(await readFixture('ollama/speed-notes.md'));
    expect(only(series, 'tokens_per_s', { model_type: 'qwen3 8B Q4_K - Medium', backends: 'Vulkan', n_gpu_layers: '99', test: 'pp512', section: 'llama.cpp' }).stats.mean).toBe(401.2);
    expect(only(series, 'eval_rate', { model: 'qwen3:8b', section: 'Ollama' }).stats.mean).toBe(13.93);
  });

  it("leaves a page with a metric table to the table reader, whatever console output it quotes", async () => {
    const outcome = parsed(await readFixture('ollama/results-and-log.md'));
    expect(outcome.adapter).toBe('markdown');
    expect(outcome.series.map((s) => [s.metric, s.labels.model])).toEqual([
      ['eval rate (tok/s)', 'llama3.2:1b'],
      ['eval rate (tok/s)', 'llama3.2:3b'],
    ]);
  });
});

describe('Ollama API responses', () => {
  it('turns a final /api/generate response into tokens/s from nanosecond counts and durations', async () => {
    const series = built(await readFixture('ollama/generate-final.json'));
    expect(described(series)).toEqual(withLabels('{model=gemma3:1b}'));
    expect(series.map((s) => [s.metric, s.stats.mean])).toEqual([
      ['eval_rate', 125],
      ['prompt_eval_rate', 200],
      ['ttft_ms', 500],
      ['total_duration_ms', 2500],
      ['load_duration_ms', 300],
      ['prompt_eval_duration_ms', 200],
      ['eval_duration_ms', 1600],
      ['prompt_eval_count', 40],
      ['eval_count', 200],
    ]);
  });

  it('reads only the final objects of a streamed /api/chat NDJSON, one sample per answer', async () => {
    const outcome = await readFixture('ollama/chat-stream.ndjson');
    expect(parsed(outcome).rows).toBe(2);
    expect(only(built(outcome), 'eval_rate').samples).toEqual([62.5, 80]);
  });

  it('reads a stream saved under a .json name', async () => {
    const outcome = await readFixture('ollama/generate-stream-saved.json');
    expect(parsed(outcome).adapter).toBe('ollama');
    expect(only(built(outcome), 'eval_rate').samples).toEqual([100]);
  });

  it('counts an error response as an excluded row instead of averaging it in', async () => {
    const outcome = await readFixture('ollama/responses-with-error.json');
    expect(parsed(outcome)).toMatchObject({ rows: 3, excludedRows: 1 });
    expect(only(built(outcome), 'eval_rate').samples).toEqual([80, 80]);
  });

  it('fails a stream that was cut before its final object, saying so', async () => {
    expect(notParsed(await readFixture('ollama/cut-stream.jsonl'))).toEqual({
      status: 'failed',
      reason: 'no final response (`"done": true`) with timings: the stream may have been cut short',
    });
  });

  it('never reads the prompt, response or context into a series', async () => {
    const series = built(await readFixture('ollama/generate-final.json'));
    expect(JSON.stringify(series)).not.toContain('Rayleigh');
    expect(series.some((s) => s.metric.includes('context'))).toBe(false);
  });
});

describe('the example Ollama files keep their generic reading', () => {
  it('per-prompt run CSV: one series per model and column, the timed-out row excluded', async () => {
    const outcome = await readOutput(path.join(examples, 'per_prompt_runs.csv'));
    expect(parsed(outcome)).toMatchObject({ adapter: 'csv', rows: 18, excludedRows: 1 });
    const tokens = only(built(outcome, 'per_prompt_runs.csv'), 'tokens_s', { model: 'gemma3:4b' });
    expect([tokens.unit, tokens.direction, tokens.stats.n]).toEqual(['tok/s', 'higher', 8]);
    expect(tokens.stats.mean).toBeCloseTo(71.32375, 9);
  });

  it('summarised call JSONL (not raw API responses) stays with the JSONL reader', async () => {
    const outcome = await readOutput(path.join(examples, 'generate_calls.jsonl'));
    expect(parsed(outcome).adapter).toBe('jsonl');
    const ttft = only(built(outcome, 'generate_calls.jsonl'), 'ttft_ms', { model: 'gemma3:1b' });
    expect([ttft.unit, ttft.direction, ttft.stats.n]).toEqual(['ms', 'lower', 3]);
  });
});
