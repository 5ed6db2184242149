import { describe, expect, it } from 'vitest';
import { findingEvidence } from '../../src/report/findings.js';
import { finding, level } from '../helpers/findings.js';

/** A merged report's settings are hardware ids, which can be long: the table must still fit the comment. */
describe('findingEvidence: settings too long to be columns', () => {
  const hardware = ['a100-sxm4-80gb', 'gh200-grace-hopper-96gb', 'l4-24gb-pcie-low-profile', 'rtx-6000-ada-generation-48gb'];

  it('turns the table round: a row per setting, a column per level, the best of each row in bold', () => {
    const f = finding({
      levels: [level('llama3', 250, null, 8), level('qwen', 150, null, 8)],
      slices: hardware.map((h, i) => ({ setting: `hardware=${h}`, values: [{ level: 'llama3', mean: 100 * (i + 1), n: 2 }, { level: 'qwen', mean: 60 * (i + 1), n: 2 }] })),
    });
    expect(findingEvidence(f)).toBe(
      [
        '| Setting | llama3 | qwen |',
        '| --- | --- | --- |',
        '| hardware=a100-sxm4-80gb | **100** | 60 |',
        '| hardware=gh200-grace-hopper-96gb | **200** | 120 |',
        '| hardware=l4-24gb-pcie-low-profile | **300** | 180 |',
        '| hardware=rtx-6000-ada-generation-48gb | **400** | 240 |',
        '',
        'Mean tok/s of each model per setting; the best in each row in bold.',
      ].join('\n'),
    );
  });

  it('shows the levels alone when they are as long as the settings', () => {
    const f = finding({
      factor: 'hardware',
      levels: hardware.map((h, i) => level(h, 400 - 100 * i, null, 4)),
      slices: ['model=llama3.1:8b-instruct-q4_K_M-long-name', 'model=qwen2.5:14b-instruct-q8_0-long-name', 'model=gemma3:27b-it-qat-long-name'].map((setting) => ({ setting, values: hardware.map((h, i) => ({ level: h, mean: 400 - 100 * i, n: 2 })) })),
    });
    expect(findingEvidence(f)?.split('\n').slice(0, 3)).toEqual(['| hardware | Mean ± sd | n | vs best |', '| --- | --- | --- | --- |', '| a100-sxm4-80gb | 400 tok/s | 4 | best |']);
  });
});
