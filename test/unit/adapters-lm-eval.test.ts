import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lmEvalAdapter, metricDirection, modelFromArgs } from '../../src/parse/adapters/lm-eval.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { built, described, only, readFixture, readOutput } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';

const JSON_RESULTS = 'lm-eval/results_2025-03-14T10-22-05.418223.json';
const MODEL = 'acme/tiny-lm-160m';

/** An in-memory file as the registry hands it to the adapter. */
function jsonInput(doc: unknown, path = 'results.json'): AdapterInput {
  const text = JSON.stringify(doc, null, 2);
  return { path, type: 'json', text, json: JSON.parse(text) as unknown };
}

function markdownInput(lines: string[], path = 'results.md'): AdapterInput {
  return { path, type: 'markdown', text: lines.join('\n') };
}

describe('lm-eval detection next to lighteval', () => {
  it('leaves a lighteval / Open LLM Leaderboard results file (config_general, `harness|arc:challenge|25` tasks) to the JSON reader', () => {
    const doc = {
      config_general: { model_name: 'org/model' },
      results: { 'harness|arc:challenge|25': { acc: 0.5, acc_stderr: 0.01 }, all: { acc: 0.5, acc_stderr: 0.01 } },
      versions: { 'harness|arc:challenge|25': 0 },
    };
    expect(lmEvalAdapter.detect({ path: 'results_2024.json', type: 'json', text: JSON.stringify(doc), json: doc })).toBe(false);
  });
});

describe('lm-evaluation-harness results JSON', () => {
  it('reads one series per task, metric and filter, labelled by model, task, filter and n-shot, without a unit, in the direction higher_is_better states', async () => {
    const outcome = await readFixture(JSON_RESULTS);
    expect(parsed(outcome).adapter).toBe('lm-eval');
    const m = `model=${MODEL}`;
    expect(described(built(outcome))).toEqual([
      `acc{${m},n_shot=0,task=arc_challenge} [-, higher, samples]`,
      `acc_norm{${m},n_shot=0,task=arc_challenge} [-, higher, samples]`,
      `exact_match{filter=strict-match,${m},n_shot=5,task=gsm8k} [-, higher, samples]`,
      `exact_match{filter=flexible-extract,${m},n_shot=5,task=gsm8k} [-, higher, samples]`,
      `acc{${m},task=mmlu} [-, higher, samples]`,
      `acc{${m},task=mmlu_humanities} [-, higher, samples]`,
      `acc{${m},n_shot=0,task=mmlu_formal_logic} [-, higher, samples]`,
      `acc{${m},n_shot=0,task=mmlu_world_religions} [-, higher, samples]`,
      `word_perplexity{${m},n_shot=0,task=wikitext} [-, lower, samples]`,
      `byte_perplexity{${m},n_shot=0,task=wikitext} [-, lower, samples]`,
      `bits_per_byte{${m},n_shot=0,task=wikitext} [-, lower, samples]`,
    ]);
  });

  it("gives each series an id of the file (its run timestamp normalised), the metric and its labels, so the next run's file matches it", async () => {
    const ids = built(await readFixture(JSON_RESULTS), JSON_RESULTS).map((s) => s.id);
    expect(ids.slice(0, 3)).toEqual([
      `lm-eval/results_<ts>.json::acc{model=${MODEL},n_shot=0,task=arc_challenge}`,
      `lm-eval/results_<ts>.json::acc_norm{model=${MODEL},n_shot=0,task=arc_challenge}`,
      `lm-eval/results_<ts>.json::exact_match{filter=strict-match,model=${MODEL},n_shot=5,task=gsm8k}`,
    ]);
  });

  it('reads each score as one value, its stderr left out: a standard error is no spread of runs (no "scatters widely" finding)', async () => {
    const acc = only(built(await readFixture(JSON_RESULTS)), 'acc', { model: MODEL, n_shot: '0', task: 'arc_challenge' });
    expect([acc.stats.n, acc.stats.mean, acc.stats.sd, acc.samples]).toEqual([1, 0.285, null, [0.285]]);
  });

  it('reads a score whose items are not stated (a group) as a single value', async () => {
    const mmlu = only(built(await readFixture(JSON_RESULTS)), 'acc', { model: MODEL, task: 'mmlu' });
    expect([mmlu.stats.n, mmlu.stats.mean, mmlu.stats.sd, mmlu.samples]).toEqual([1, 0.246, null, [0.246]]);
  });

  it('reads a score whose stderr is N/A as a single value, with no stderr series and no problem', async () => {
    const outcome = await readFixture(JSON_RESULTS);
    const perplexity = only(built(outcome), 'word_perplexity');
    expect([perplexity.stats.n, perplexity.samples]).toEqual([1, [37.412]]);
    expect(built(outcome).some((s) => s.metric.includes('stderr'))).toBe(false);
    expect(parsed(outcome).problems).toEqual([]);
  });

  it('reads a group stored under both results and groups once, without a problem', async () => {
    const outcome = await readFixture(JSON_RESULTS);
    expect(built(outcome).filter((s) => s.labels.task === 'mmlu')).toHaveLength(1);
    expect(parsed(outcome)).toMatchObject({ rows: 13, problemCount: 0 });
  });

  it('reads none of the settings (config, versions, n-shot, n-samples, times) as metrics', async () => {
    const metrics = new Set(built(await readFixture(JSON_RESULTS)).map((s) => s.metric));
    expect([...metrics]).toEqual(['acc', 'acc_norm', 'exact_match', 'word_perplexity', 'byte_perplexity', 'bits_per_byte']);
  });

  it('takes the direction from higher_is_better over the name, and from the name when the file does not state it', () => {
    const doc = {
      results: { custom: { alias: 'custom', 'agreement,none': 0.7, 'acc,none': 0.6, 'mean_length,none': 41 } },
      versions: { custom: 1 },
      higher_is_better: { custom: { agreement: true, acc: false } },
    };
    const outcome = lmEvalAdapter.parse(jsonInput(doc));
    expect(described(built(outcome))).toEqual(['agreement{task=custom} [-, higher, samples]', 'acc{task=custom} [-, lower, samples]', 'mean_length{task=custom} [-, none, samples]']);
  });

  it("leaves out lm-eval's bypass placeholder (999 for generate-only tasks)", () => {
    const doc = { results: { gen: { alias: 'gen', 'bypass,none': 999, 'bypass_stderr,none': 'N/A' }, arc: { 'acc,none': 0.3 } }, versions: { gen: 0, arc: 1 } };
    expect(described(built(lmEvalAdapter.parse(jsonInput(doc))))).toEqual(['acc{task=arc} [-, higher, samples]']);
  });

  it('takes the model from model_args when the file has no model_name, as a string or an object', () => {
    expect(modelFromArgs('pretrained=acme/tiny-lm-160m,dtype=float16')).toBe('acme/tiny-lm-160m');
    expect(modelFromArgs('model=gpt-4o-mini,base_url=http://localhost:8000/v1')).toBe('gpt-4o-mini');
    expect(modelFromArgs({ pretrained: 'acme/other', trust_remote_code: true })).toBe('acme/other');
    expect(modelFromArgs('dtype=float16')).toBeUndefined();
  });
});

describe('lm-evaluation-harness 0.3 results JSON', () => {
  it('reads metrics without a filter suffix, n-shot from config.num_fewshot, directions from the name, each score a single value', async () => {
    const outcome = await readFixture('lm-eval/results-0.3.json');
    expect(parsed(outcome).adapter).toBe('lm-eval');
    const m = `model=${MODEL}`;
    expect(described(built(outcome))).toEqual([
      `acc{${m},n_shot=0,task=hellaswag} [-, higher, samples]`,
      `acc_norm{${m},n_shot=0,task=hellaswag} [-, higher, samples]`,
      `ppl{${m},n_shot=0,task=lambada_openai} [-, lower, samples]`,
      `acc{${m},n_shot=0,task=lambada_openai} [-, higher, samples]`,
    ]);
    expect(parsed(outcome).problems).toEqual([]);
  });
});

describe('lm-evaluation-harness make_table Markdown', () => {
  it('reads one series per task, metric, filter and n-shot, labelled by the model of the run line above, with the direction of the arrow column', async () => {
    const outcome = await readFixture('lm-eval/make-table.md');
    expect(parsed(outcome).adapter).toBe('lm-eval');
    const m = `model=${MODEL}`;
    expect(described(built(outcome))).toEqual([
      `acc{${m},n_shot=0,task=arc_challenge} [-, higher, samples]`,
      `acc_norm{${m},n_shot=0,task=arc_challenge} [-, higher, samples]`,
      `exact_match{filter=flexible-extract,${m},n_shot=5,task=gsm8k} [-, higher, samples]`,
      `exact_match{filter=strict-match,${m},n_shot=5,task=gsm8k} [-, higher, samples]`,
      `acc{${m},task=mmlu} [-, higher, samples]`,
      `acc{group=mmlu,${m},task=humanities} [-, higher, samples]`,
      `acc{group=humanities,${m},n_shot=0,task=formal_logic} [-, higher, samples]`,
      `acc{group=humanities,${m},n_shot=0,task=world_religions} [-, higher, samples]`,
      `bits_per_byte{${m},n_shot=0,task=wikitext} [-, lower, samples]`,
      `byte_perplexity{${m},n_shot=0,task=wikitext} [-, lower, samples]`,
      `word_perplexity{${m},n_shot=0,task=wikitext} [-, lower, samples]`,
      `acc{group=mmlu,${m},task=stem} [-, higher, samples]`,
    ]);
  });

  it('reads a row with a blank Tasks cell as another metric of the task above', async () => {
    const series = built(await readFixture('lm-eval/make-table.md'));
    expect(only(series, 'acc_norm').labels.task).toBe('arc_challenge');
    expect(only(series, 'acc_norm').samples).toEqual([0.311]);
    expect(only(series, 'exact_match', { filter: 'strict-match', model: MODEL, n_shot: '5', task: 'gsm8k' }).samples).toEqual([0.0212]);
  });

  it('names a subtask without its " - " indent, labelled with the group it is indented under', async () => {
    const series = built(await readFixture('lm-eval/make-table.md'));
    const logic = only(series, 'acc', { group: 'humanities', model: MODEL, n_shot: '0', task: 'formal_logic' });
    expect([logic.samples, logic.line]).toEqual([[0.2619], 12]);
  });

  it('reads the Groups table, a group already printed among the tasks once and without a problem', async () => {
    const outcome = await readFixture('lm-eval/make-table.md');
    const series = built(outcome);
    expect(series.filter((s) => s.labels.task === 'mmlu' || s.labels.task === 'humanities')).toHaveLength(2);
    expect(only(series, 'acc', { group: 'mmlu', model: MODEL, task: 'stem' }).line).toBe(22);
    expect(parsed(outcome)).toMatchObject({ rows: 14, excludedRows: 0, problemCount: 0 });
  });

  it('keeps the first of two different values for one group and reports the second by line', () => {
    const header = ['|Metric|   |Value |   |Stderr|', '|------|---|-----:|---|-----:|'];
    const outcome = lmEvalAdapter.parse(
      markdownInput([
        `|Tasks|Version|Filter|n-shot${header[0]}`,
        `|-----|------:|------|-----:${header[1]}`,
        '|mmlu |      2|none  |      |acc   |↑  |0.2460|±  |0.0036|',
        '',
        `|Groups|Version|Filter|n-shot${header[0]}`,
        `|------|------:|------|-----:${header[1]}`,
        '|mmlu  |      2|none  |      |acc   |↑  |0.2470|±  |0.0036|',
      ]),
    );
    expect(only(built(outcome), 'acc').samples).toEqual([0.246]);
    expect(parsed(outcome).problems).toEqual([{ line: 7, reason: 'a second acc for task=mmlu (0.247, first 0.246); the first is kept' }]);
  });

  it('reads every value as a single value: the table states no item count to carry the stderr with', async () => {
    const series = built(await readFixture('lm-eval/make-table.md'));
    expect(series.every((s) => s.stats.n === 1 && s.stats.sd === null)).toBe(true);
  });

  it('reads an N/A stderr as no stderr: no series, no problem', async () => {
    const outcome = await readFixture('lm-eval/make-table.md');
    expect(only(built(outcome), 'word_perplexity').samples).toEqual([37.412]);
    expect(built(outcome).some((s) => /stderr|n\/a/i.test(s.metric))).toBe(false);
    expect(parsed(outcome).problems).toEqual([]);
  });

  it('takes the direction from the metric name when the arrow column is blank or absent (0.4.0, 0.3)', () => {
    const outcome = lmEvalAdapter.parse(
      markdownInput([
        '|    Task    |Version|Metric|Value |   |Stderr|',
        '|------------|------:|------|-----:|---|-----:|',
        '|hellaswag   |      0|acc   |0.2891|±  |0.0045|',
        '|lambada     |      0|ppl   |27.61 |±  |1.0200|',
        '|            |       |bleu  |3.2   |   |      |',
      ]),
    );
    expect(described(built(outcome))).toEqual(['acc{task=hellaswag} [-, higher, samples]', 'ppl{task=lambada} [-, lower, samples]', 'bleu{task=lambada} [-, higher, samples]']);
  });

  it('reports a value that is not a number by line and leaves the row out', () => {
    const outcome = lmEvalAdapter.parse(
      markdownInput([
        '|Tasks|Version|Filter|n-shot|Metric|   |Value |   |Stderr|',
        '|-----|------:|------|-----:|------|---|-----:|---|-----:|',
        '|arc  |      1|none  |     0|acc   |↑  |0.2850|±  |0.0132|',
        '|     |       |none  |     0|f1    |↑  |N/A   |±  |   N/A|',
      ]),
    );
    expect(parsed(outcome)).toMatchObject({ rows: 2, excludedRows: 1, problems: [{ line: 4, reason: 'f1 of arc is "N/A", not a number; row skipped' }] });
  });

  it('reads the table in a console log as well', () => {
    const text = ['2025-03-14:10:35:11 INFO [evaluator.py:305] Running loglikelihood requests', 'hf (pretrained=acme/tiny-lm-160m), gen_kwargs: (None), limit: None, num_fewshot: None, batch_size: 8', '|Tasks|Version|Filter|n-shot|Metric|   |Value |   |Stderr|', '|-----|------:|------|-----:|------|---|-----:|---|-----:|', '|piqa |      1|none  |     0|acc   |↑  |0.6210|±  |0.0113|'].join('\n');
    expect(described(built(lmEvalAdapter.parse({ path: 'eval.log', type: 'text', text })))).toEqual([`acc{model=${MODEL},n_shot=0,task=piqa} [-, higher, samples]`]);
  });
});

describe('lm-evaluation-harness detection', () => {
  it('does not claim an ordinary Markdown results table, nor a page that holds another table beside make_table', () => {
    const own = markdownInput(['| Model | Task | Accuracy |', '|---|---|---:|', '| tiny | arc | 0.28 |']);
    expect(lmEvalAdapter.detect(own)).toBe(false);
    const metricValue = markdownInput(['| Task | Metric | Value |', '|---|---|---:|', '| arc | acc | 0.28 |']);
    expect(lmEvalAdapter.detect(metricValue)).toBe(false);
    const mixed = markdownInput(['|Tasks|Version|Filter|n-shot|Metric|   |Value |   |Stderr|', '|-----|------:|------|-----:|------|---|-----:|---|-----:|', '|arc  |      1|none  |     0|acc   |↑  |0.2850|±  |0.0132|', '', '| Model | Latency (ms) |', '|---|---:|', '| tiny | 12 |']);
    expect(lmEvalAdapter.detect(mixed)).toBe(false);
  });

  it('leaves an ordinary Markdown results table to the Markdown reader', async () => {
    const dir = makeTempDir('chimera-lm-eval-');
    try {
      writeTree(dir, { 'scores.md': '| Task | Metric | Value |\n|---|---|---:|\n| arc | acc | 0.28 |\n| piqa | acc | 0.62 |\n' });
      expect(parsed(await readOutput(path.join(dir, 'scores.md'))).adapter).toBe('markdown');
    } finally {
      removeDir(dir);
    }
  });

  it('does not claim JSON with a "results" object but none of versions, n-shot, higher_is_better or config.model_args', () => {
    expect(lmEvalAdapter.detect(jsonInput({ results: { arc: { acc: 0.28, acc_stderr: 0.01 } } }))).toBe(false);
    expect(lmEvalAdapter.detect(jsonInput({ results: { arc: { acc: 0.28 } }, config: { model_args: 'pretrained=x' } }))).toBe(true);
    expect(lmEvalAdapter.detect(jsonInput({ results: [{ command: 'a', mean: 1 }], versions: {} }))).toBe(false);
  });

  it('says why it skips a forced JSON file that is not lm-eval results', () => {
    expect(notParsed(lmEvalAdapter.parse(jsonInput({ benchmarks: [] })))).toEqual({ status: 'skipped', reason: 'not lm-evaluation-harness results: no "results" of tasks beside "versions", "n-shot" or "higher_is_better"' });
  });
});

describe('lm-eval metric directions by name', () => {
  it('reads scores as higher and perplexities, bits per byte, TER and Brier score as lower', () => {
    const names = ['acc', 'acc_norm', 'exact_match', 'f1', 'bleu', 'rouge1', 'mcc', 'pass@1', 'word_perplexity', 'byte_perplexity', 'bits_per_byte', 'ter', 'brier_score', 'mean_length'];
    expect(Object.fromEntries(names.map((n) => [n, metricDirection(n)]))).toEqual({
      acc: 'higher', acc_norm: 'higher', exact_match: 'higher', f1: 'higher', bleu: 'higher', rouge1: 'higher', mcc: 'higher', 'pass@1': 'higher',
      word_perplexity: 'lower', byte_perplexity: 'lower', bits_per_byte: 'lower', ter: 'lower', brier_score: 'lower', mean_length: 'none',
    });
  });
});
