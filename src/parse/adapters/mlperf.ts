import { inferDirection, inferUnit, normaliseName } from '../../metrics/infer.js';
import type { ProvidedSummary, RawSeries } from '../../model/series.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, summaryOf } from './util.js';

/**
 * MLPerf Inference LoadGen's `mlperf_log_summary.txt`:
 *
 *     MLPerf Results Summary
 *     SUT name : PySUT
 *     Scenario : Offline
 *     Samples per second: 0.165037
 *     Result is : VALID
 *     Additional Stats
 *     Min latency (ns)                : 6268465782
 *     50.00 percentile latency (ns)   : 36448535095
 *     Test Parameters Used
 *     target_qps : 1
 *
 * The results and additional stats are read; the test parameters are the
 * settings, not measurements. Latency lines (`Min`, `Max`, `Mean`, `NN.NN
 * percentile`, `90th percentile`; also `First Token` and `Time to Output
 * Token` for LLM benchmarks) become one summary each, in ms.
 */
const TITLE = /^MLPerf Results Summary\s*$/m;
const KEY_VALUE = /^([^:]+):(.+)$/;
/** `Min latency (ns)`, `50.00 percentile first token latency (ns)`, `90th first token percentile latency (ns)`, `Mean Time to Output Token (ns)`. */
const LATENCY = /^(min|max|mean|(\d+(?:\.\d+)?)(?:th)?(?: first token)? percentile) (.*)\(ns\)$/i;
const EARLY_STOPPING = /^\*\s*Early stopping (\d+(?:\.\d+)?)th percentile estimate\s*:\s*(\d+(?:\.\d+)?)\s*$/i;
const EARLY_BLOCK = /^(TTFT|TPOT)?\s*Early Stopping Result:$/i;
const SECTION = /^(MLPerf Results Summary|Additional Stats|Test Parameters Used)\s*$/;
const LABELS: Record<string, string> = { 'SUT name': 'sut', Scenario: 'scenario', Mode: 'mode' };

export const mlperf: ToolAdapter = {
  name: 'mlperf',
  types: ['text'],
  detect: (input: AdapterInput) => TITLE.test(input.text.slice(0, 4096)),
  parse(input: AdapterInput) {
    const result = new AdapterResult('mlperf');
    const labels: Record<string, string> = {};
    const latencies = new Map<string, { summary: ProvidedSummary; line: number }>();
    const values: { metric: string; value: number; line: number; unit?: string }[] = [];
    let section = '';
    let earlyOf = '';
    let invalid: { line: number; status: string } | undefined;
    const unmet: string[] = [];
    for (const [i, raw] of input.text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      const heading = SECTION.exec(line);
      if (heading) {
        section = heading[1] as string;
        continue;
      }
      if (section === '' || section === 'Test Parameters Used') continue;
      // `* Early stopping 90.0th percentile estimate: 53600708` (ns): the latency a SingleStream result is judged by.
      // LLM runs print a `TTFT Early Stopping Result:` and a `TPOT Early Stopping Result:` block, each with its estimates.
      const block = EARLY_BLOCK.exec(line);
      if (block) {
        earlyOf = block[1] ? `${(block[1] as string).toLowerCase()}_` : '';
        continue;
      }
      const early = EARLY_STOPPING.exec(line);
      if (early) {
        values.push({ metric: `${earlyOf}early_stopping_p${Number(early[1])}_latency_ms`, value: Number(early[2]) / 1e6, line: i + 1, unit: 'ms' });
        continue;
      }
      // Other bullets are the loadgen's advice and explanations, not results.
      if (line.startsWith('*')) continue;
      const kv = KEY_VALUE.exec(line);
      if (!kv) continue;
      const key = (kv[1] as string).trim().replace(/\s+/g, ' ');
      const text = (kv[2] as string).trim();
      const label = LABELS[key];
      if (label) {
        labels[label] = text.slice(0, 100);
        continue;
      }
      if (key === 'Result is') {
        if (text.toUpperCase() !== 'VALID') invalid = { line: i + 1, status: text.slice(0, 20) };
        continue;
      }
      // `Performance constraints satisfied : NO`: what made the result invalid.
      if (/ satisfied$/i.test(key)) {
        if (/^no$/i.test(text)) unmet.push(key.replace(/ satisfied$/i, '').toLowerCase());
        continue;
      }
      const value = Number(text);
      if (!Number.isFinite(value)) continue;
      const latency = LATENCY.exec(key);
      if (latency) {
        const [, stat, rank, rest] = latency as unknown as [string, string, string | undefined, string];
        // `first token` may come before `percentile` (SingleStream with token latencies) or after it.
        const what = `${/first token percentile/i.test(stat) ? 'first token ' : ''}${rest}`.trim();
        const name = `${normaliseName(what) || 'latency'}_ms`;
        const entry = latencies.get(name) ?? { summary: {}, line: i + 1 };
        const ms = value / 1e6;
        const s = stat.toLowerCase().split(' ')[0] as string;
        if (s === 'min') entry.summary.min = ms;
        else if (s === 'max') entry.summary.max = ms;
        else if (s === 'mean') entry.summary.mean = ms;
        else if (Number(rank) === 50) entry.summary.median = ms;
        else (entry.summary.percentiles ??= {})[Number(rank)] = ms;
        latencies.set(name, entry);
        continue;
      }
      // LLM summaries print `Completed tokens per second` in both sections: one result, read once.
      if (!values.some((v) => v.metric === key)) values.push({ metric: key, value, line: i + 1 });
    }
    if (invalid) result.problems.add(invalid.line, `MLPerf marked this result ${invalid.status}${unmet.length > 0 ? `: not satisfied: ${unmet.join(', ')}` : ''}`);
    result.rows = 1;
    for (const { metric, value, line, unit: stated } of values) {
      const unit = stated ?? inferUnit(metric);
      const s: RawSeries = { metric, labels: { ...labels }, samples: accumulate([value]), line };
      if (unit) s.unitHint = unit;
      const direction = inferDirection(metric, unit);
      if (direction !== 'none') s.directionHint = direction;
      result.add(s);
    }
    for (const [metric, { summary, line }] of latencies) {
      const stated = summaryOf(summary);
      if (stated.mean === undefined && stated.median === undefined && stated.percentiles?.[50] === undefined) {
        // SingleStream states its 90th percentile alone: the value users compare.
        const p = Object.entries(stated.percentiles ?? {}).sort((a, b) => Number(b[0]) - Number(a[0]))[0];
        if (!p) continue;
        result.add({ metric: `p${p[0]}_${metric}`, labels: { ...labels }, unitHint: 'ms', directionHint: 'lower', samples: accumulate([p[1]]), line });
        continue;
      }
      result.add({ metric, labels: { ...labels }, unitHint: 'ms', directionHint: 'lower', summary: stated, line });
    }
    return result.outcome('no results under "MLPerf Results Summary"');
  },
};
