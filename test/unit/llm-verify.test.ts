import { describe, expect, it } from 'vitest';
import { buildFactSheet } from '../../src/llm/facts.js';
import type { Fact } from '../../src/model/llm.js';
import {
  allowedNumbers,
  describeRemovals,
  emptyRemovals,
  inventedDates,
  isChatter,
  parseAnswer,
  unmatchedNumbers,
  verifyNarrative,
  wrongLanguage,
  type RawNarrative,
} from '../../src/llm/verify.js';
import { benchReport } from '../helpers/llm.js';

const sheet = buildFactSheet(benchReport());
const allowed = allowedNumbers(sheet.facts);

function raw(parts: Partial<RawNarrative>): RawNarrative {
  return { executiveSummary: '', findings: [], recommendations: [], risks: [], ...parts };
}

function verify(parts: Partial<RawNarrative>, language = 'English') {
  return verifyNarrative(raw(parts), sheet.facts, sheet.text, language);
}

describe('parsing the answer', () => {
  it('reads the schema fields into findings, recommendations and risks', () => {
    const parsed = parseAnswer('{"executive_summary":"S.","key_findings":[{"text":"T.","facts":["F6"]}],"recommendations":["A.","B.","C."],"risks":[{"risk":"R.","mitigation":"M."}]}');
    expect(parsed).toEqual({ ok: true, value: { executiveSummary: 'S.', findings: [{ text: 'T.', facts: ['F6'] }], recommendations: ['A.', 'B.', 'C.'], risks: [{ risk: 'R.', mitigation: 'M.' }] } });
  });

  it('tolerates a code fence around the JSON', () => {
    expect(parseAnswer('```json\n{"executive_summary":"S."}\n```')).toMatchObject({ ok: true, value: { executiveSummary: 'S.' } });
  });

  it('calls prose instead of JSON invalid', () => {
    expect(parseAnswer('Okay, here is a structured performance analysis of the provided benchmark data.')).toEqual({ ok: false, reason: 'the answer was not valid JSON' });
  });

  it('calls a JSON array or an empty answer invalid', () => {
    expect(parseAnswer('[1,2]')).toEqual({ ok: false, reason: 'the answer was not a JSON object' });
    expect(parseAnswer('  ')).toEqual({ ok: false, reason: 'the answer was empty' });
  });
});

describe('numbers', () => {
  it('accepts fact values at the precision they are written with', () => {
    expect(unmatchedNumbers('gemma3:1b reaches 141.9 tok/s, or 141.90, or about 142.', allowed)).toEqual([]);
  });

  it('accepts spreads, sample counts, CVs and milliseconds written as seconds', () => {
    expect(unmatchedNumbers('Over 9 runs the sd was 1.96 and the CV 1.4%; TTFT was 0.51 s.', allowed)).toEqual([]);
  });

  it('rejects numbers that appear nowhere in the data, as the old system invented them', () => {
    expect(unmatchedNumbers('Average latency ranged from 12.3ms to 14.8ms across 225 JSON files.', allowed)).toEqual(['12.3', '14.8', '225']);
  });

  it('rejects a value rounded more finely than the fact allows', () => {
    expect(unmatchedNumbers('Throughput was 141.8 tok/s.', allowed)).toEqual(['141.8']);
  });

  it('ignores digits inside identifiers and fact ids', () => {
    expect(unmatchedNumbers('gemma3 and p95 are shown in F12 and llama-3 runs.', allowed)).toEqual([]);
  });

  it('checks a negative sign after a space as a number', () => {
    expect(unmatchedNumbers('The change was -37.5%.', allowed)).toEqual(['37.5']);
  });

  it('accepts a percent change in its short forms', () => {
    const change: Fact = { id: 'F1', kind: 'series', subject: 'qps', value: 71.32, unit: 'req/s', change: -0.152, verdict: 'regressed' };
    expect(unmatchedNumbers('qps fell 15.2%, roughly 15%, to 71.32.', allowedNumbers([change]))).toEqual([]);
  });
});

describe('numbers in exponent notation', () => {
  // The sheet shows a mean under 1e-6 the way toPrecision writes it: 1.5e-7 s is "1.50e-7".
  const tiny: Fact = { id: 'F1', kind: 'series', subject: 'time of bench_parse', value: 1.5e-7, unit: 's' };

  it('keeps a tiny value copied from the sheet', () => {
    expect(unmatchedNumbers('bench_parse takes 1.50e-7 s per call (1.5e-7 s).', allowedNumbers([tiny]))).toEqual([]);
  });

  it('does not let an exponent change an allowed mantissa into an invented number', () => {
    const allowedSmall = allowedNumbers([{ id: 'F1', kind: 'series', subject: 'qps', value: 1.5, unit: 'req/s' }]);
    expect(unmatchedNumbers('qps reaches 1.5e9 req/s.', allowedSmall)).toEqual(['1.5e9']);
  });
});

describe('dates', () => {
  it('finds the dates and years the old reports invented, one per date', () => {
    expect(inventedDates('Date: November 15, 2023 for the Q4 2025 review (2025-11-14).', sheet.text)).toEqual(['November 15, 2023', '2025', '2025-11-14']);
  });

  it('keeps a year that the fact sheet itself contains', () => {
    expect(inventedDates('Runs from 2025 are included.', 'F1: tokens_s in runs/2025/a.csv = 3')).toEqual([]);
  });
});

describe('language', () => {
  it('flags a Bengali sentence when English is configured', () => {
    expect(wrongLanguage('ঔষধের ব্যবহার বিধি', 'English')).toBe(true);
  });

  it('flags a Chinese phrase inside an English sentence', () => {
    expect(wrongLanguage('Consider automated hyperparameter optimization tools (罡优化).', 'English')).toBe(true);
  });

  it('flags a plainly Spanish sentence when English is configured', () => {
    expect(wrongLanguage('El rendimiento de los modelos es más alto para el modelo pequeño.', 'English')).toBe(true);
  });

  it('accepts English with units such as µs and Greek σ', () => {
    expect(wrongLanguage('The p95 latency stays within 2σ of the mean at 12 µs.', 'English')).toBe(false);
  });

  it('accepts Cyrillic when Russian is configured', () => {
    expect(wrongLanguage('Пропускная способность модели gemma3 выше.', 'ru')).toBe(false);
  });

  it('checks nothing for a language it does not know', () => {
    expect(wrongLanguage('ঔষধের ব্যবহার বিধি', 'Klingon')).toBe(false);
  });
});

describe('chatter', () => {
  it.each([
    'Do you want me to refine this report further, perhaps by adding more detail?',
    'Let me know if you need anything else.',
    'I hope this helps.',
    "Okay, here's a draft of a technical report based on the provided data.",
    'Which model should we prioritise?',
  ])('removes "%s"', (sentence) => {
    expect(isChatter(sentence)).toBe(true);
  });

  it('keeps a statement about the data', () => {
    expect(isChatter('Throughput of gemma3:1b is the highest in the data.')).toBe(false);
  });
});

describe('verification of a whole answer', () => {
  it('keeps an answer that only uses facts, and counts nothing removed', () => {
    const v = verify({
      executiveSummary: 'gemma3:1b generates 141.9 tok/s, gemma3:4b 71.32 tok/s.',
      findings: [{ text: 'TTFT averages 512.4 ms over 9 runs.', facts: ['F8'] }],
      recommendations: ['Prefer gemma3:1b for latency-sensitive use.'],
      risks: [{ risk: 'Smaller models may lose quality.', mitigation: 'Track an accuracy metric next to throughput.' }],
    });
    expect(v.usable).toBe(true);
    expect(v.removals).toEqual(emptyRemovals());
    expect(v.content.executiveSummary).toBe('gemma3:1b generates 141.9 tok/s, gemma3:4b 71.32 tok/s.');
  });

  it('removes the sentences with invented numbers and counts each number', () => {
    const v = verify({ executiveSummary: 'gemma3:1b generates 141.9 tok/s. IT-QAT gave a 15-25% boost with a learning rate of 1e-4.' });
    expect(v.content.executiveSummary).toBe('gemma3:1b generates 141.9 tok/s.');
    // 15, 25 and 1e-4 are in no fact (1 alone would be: one file).
    expect(v.removals.numbers).toBe(3);
  });

  it('removes an invented learning rate whose mantissa alone is an allowed number', () => {
    const v = verify({ executiveSummary: 'gemma3:1b generates 141.9 tok/s. Training used a learning rate of 1e-4.' });
    expect(v.content.executiveSummary).toBe('gemma3:1b generates 141.9 tok/s.');
    expect(v.removals.numbers).toBe(1);
  });

  it('removes a Bengali paragraph and a Chinese paragraph and keeps the English around them', () => {
    const v = verify({
      executiveSummary: 'ঔষধের ব্যবহার বিধি। মডেলের গতি ভালো।\nThroughput of gemma3:1b is the highest.\n该模型的吞吐量最高。我们建议继续优化。',
    });
    expect(v.content.executiveSummary).toBe('Throughput of gemma3:1b is the highest.');
    expect(v.removals.otherLanguage).toBe(2);
  });

  it('removes the closing question to the reader', () => {
    const v = verify({ executiveSummary: 'TTFT is 512.4 ms. Do you want me to refine this report?' });
    expect(v.content.executiveSummary).toBe('TTFT is 512.4 ms.');
    expect(v.removals.chatter).toBe(1);
  });

  it('removes an invented report date', () => {
    const v = verify({ executiveSummary: 'This report was prepared on November 15, 2023. TTFT is 512.4 ms.' });
    expect(v.content.executiveSummary).toBe('TTFT is 512.4 ms.');
    expect(v.removals.dates).toBe(1);
  });

  it('drops a finding that cites only facts that do not exist and keeps the valid ids of another', () => {
    const v = verify({
      executiveSummary: 'TTFT is 512.4 ms.',
      findings: [
        { text: 'Memory use is high.', facts: ['F99'] },
        { text: 'gemma3:4b is slower.', facts: ['F7', 'F42'] },
      ],
    });
    expect(v.content.findings).toEqual([{ text: 'gemma3:4b is slower.', facts: ['F7'] }]);
    expect(v.removals.findingsWithoutFacts).toBe(1);
  });

  it('sanitises recommendations and risks, dropping a risk row that loses either side', () => {
    const v = verify({
      executiveSummary: 'TTFT is 512.4 ms.',
      recommendations: ['Use a batch size of 32.', 'Prefer gemma3:1b where quality allows.', 'Let me know if you want more.'],
      risks: [
        { risk: 'Latency regressions of 40%.', mitigation: 'Gate on TTFT.' },
        { risk: 'Noise hides small changes.', mitigation: 'Keep the number of runs fixed.' },
      ],
    });
    expect(v.content.recommendations).toEqual(['Prefer gemma3:1b where quality allows.']);
    expect(v.content.risks).toEqual([{ risk: 'Noise hides small changes.', mitigation: 'Keep the number of runs fixed.' }]);
    expect(v.removals).toMatchObject({ numbers: 2, chatter: 1 });
  });

  it('takes fact citations and emphasis markers out of the prose', () => {
    const v = verify({ executiveSummary: '**Throughput** of gemma3:1b is 141.9 tok/s (F6).' });
    expect(v.content.executiveSummary).toBe('Throughput of gemma3:1b is 141.9 tok/s.');
  });

  it('calls an answer unusable when neither a summary nor a finding survives', () => {
    const v = verify({ executiveSummary: 'Throughput improved by 37%.', findings: [{ text: 'Latency is 12.3 ms.', facts: ['F8'] }], recommendations: ['Keep measuring.'] });
    expect(v.usable).toBe(false);
    expect(v.content.recommendations).toEqual(['Keep measuring.']);
  });

  it('describes what was removed in the words the report shows', () => {
    expect(describeRemovals({ numbers: 3, dates: 1, findingsWithoutFacts: 1, citationsCorrected: 0, otherLanguage: 2, chatter: 1 })).toBe(
      '3 numbers not in the data removed, 1 invented date removed, 1 finding citing no known fact dropped, 2 sentences in another language removed, 1 sentence addressed to the reader removed',
    );
    expect(describeRemovals(emptyRemovals())).toBe('');
  });
});

describe('grounding a finding in the facts its numbers come from', () => {
  const idOf = (value: number) => sheet.facts.find((f) => f.value === value)?.id as string;
  const inventory = sheet.facts[0]?.id as string;

  it('keeps a citation whose fact holds every number of the finding', () => {
    const v = verify({ findings: [{ text: 'gemma3:1b reaches 141.9 tok/s.', facts: [idOf(141.9)] }] });
    expect(v.content.findings).toEqual([{ text: 'gemma3:1b reaches 141.9 tok/s.', facts: [idOf(141.9)] }]);
    expect(v.removals.citationsCorrected).toBe(0);
  });

  it('re-cites a finding quoting other facts than it cites, so the values shown under it are the ones it quotes', () => {
    const v = verify({ findings: [{ text: 'gemma3:1b reaches 141.9 tok/s, about twice gemma3:4b at 71.32 tok/s.', facts: [inventory] }] });
    expect(v.content.findings[0]?.facts).toEqual([idOf(141.9), idOf(71.32)]);
    expect(v.removals.citationsCorrected).toBe(1);
    expect(describeRemovals(v.removals)).toBe('1 finding re-cited to the facts its numbers come from');
  });

  it('leaves the citation of a finding without numbers alone', () => {
    const v = verify({ findings: [{ text: 'The smaller model is faster.', facts: [inventory] }] });
    expect(v.content.findings[0]?.facts).toEqual([inventory]);
  });
});
