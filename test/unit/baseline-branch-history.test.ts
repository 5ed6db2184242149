import { describe, expect, it } from 'vitest';
import { appendRun, historyBySeries, parseHistory, serialiseHistory, stableKeys } from '../../src/baseline/branch-history.js';
import type { BranchHistory } from '../../src/model/branch-history.js';
import type { Snapshot, SnapshotSeries } from '../../src/model/snapshot.js';

const KEY = { branch: 'main', scope: 'bench' };

function series(file: string, metric: string, mean: number, labels: Record<string, string> = {}): SnapshotSeries {
  const id = `${file}::${metric}${Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',')}}` : ''}`;
  return {
    id,
    file,
    metric,
    labels,
    unit: 'tok/s',
    direction: 'higher',
    source: 'samples',
    stats: { n: 5, mean, sd: 1, cv: null, min: null, p50: null, p95: null, p99: null, max: null, approximate: false },
    samples: [],
  };
}

function snapshot(sha: string, list: SnapshotSeries[], createdAt = '2026-01-01T00:00:00.000Z'): Snapshot {
  return { schemaVersion: 1, tool: 'chimera-insight', toolVersion: '0.1.0', createdAt, commit: { sha }, config: { path: 'bench' }, series: list };
}

/** One push per mean: tokens_s of llama3 in bench/results.csv. */
function pushes(means: number[], limits = { runs: 20 }): BranchHistory {
  let history: BranchHistory | undefined;
  means.forEach((mean, i) => {
    history = appendRun(history, KEY, snapshot(`sha${i}`, [series('bench/results.csv', 'tokens_s', mean, { model: 'llama3' })]), { runId: String(100 + i) }, limits).history;
  });
  return history as BranchHistory;
}

describe('appending a default-branch run', () => {
  it("keeps each series' mean, sd and n with the commit, time and run id, oldest first", () => {
    const history = pushes([100, 98]);
    expect(history).toEqual({
      schemaVersion: 1,
      tool: 'chimera-insight',
      kind: 'default-branch-history',
      key: KEY,
      series: ['bench/results.csv::tokens_s{model=llama3}'],
      runs: [
        { commit: 'sha0', createdAt: '2026-01-01T00:00:00.000Z', runId: '100', values: [[100, 1, 5]] },
        { commit: 'sha1', createdAt: '2026-01-01T00:00:00.000Z', runId: '101', values: [[98, 1, 5]] },
      ],
    });
  });

  it('keeps the last history-size runs, dropping the oldest', () => {
    const history = pushes([1, 2, 3, 4, 5, 6], { runs: 4 });
    expect(history.runs.map((r) => r.values[0]?.[0])).toEqual([3, 4, 5, 6]);
  });

  it('drops the oldest runs past the byte cap, and says so', () => {
    const full = pushes([1, 2, 3, 4, 5]);
    const oneRun = Buffer.byteLength(serialiseHistory(pushes([1])));
    const { history, notes } = appendRun(full, KEY, snapshot('next', [series('bench/results.csv', 'tokens_s', 6, { model: 'llama3' })]), {}, { runs: 20, bytes: oneRun + 150 });
    expect(history.runs.map((r) => r.commit)).toEqual(['sha4', 'next']);
    expect(notes).toEqual([`4 oldest runs dropped to stay under ${Math.round((oneRun + 150) / 1024)} KiB`]);
  });

  it("caps the series, this run's gated ones first, and says how many were left out", () => {
    const list = ['a', 'b', 'c', 'd'].map((m, i) => series('bench/r.csv', m, 10 + i));
    const { history, notes } = appendRun(undefined, KEY, snapshot('s', list), {}, { runs: 20, series: 2 }, (s) => s.metric === 'd');
    expect(history.series).toEqual(['bench/r.csv::d', 'bench/r.csv::a']);
    expect(notes).toEqual(['2 series past the 2-series cap are not kept']);
  });

  it('forgets a series no kept run has any more', () => {
    let history = appendRun(undefined, KEY, snapshot('s0', [series('bench/r.csv', 'old', 1)]), {}, { runs: 2 }).history;
    history = appendRun(history, KEY, snapshot('s1', [series('bench/r.csv', 'new', 2)]), {}, { runs: 2 }).history;
    expect(history.series).toEqual(['bench/r.csv::new', 'bench/r.csv::old']);
    history = appendRun(history, KEY, snapshot('s2', [series('bench/r.csv', 'new', 3)]), {}, { runs: 2 }).history;
    expect(history.series).toEqual(['bench/r.csv::new']);
  });

  it('remembers only the newest run of a timestamped benchmark, under a key without the timestamp', () => {
    const keys = stableKeys([series('runs/20251001-100000/t.csv', 'tokens_s', 1), series('runs/20251002-100000/t.csv', 'tokens_s', 2), series('other.csv', 'x', 3)]);
    expect(keys.map((k) => [k.key, k.series.stats.mean])).toEqual([
      ['other.csv::x', 3],
      ['runs/<ts>/t.csv::tokens_s', 2],
    ]);
  });
});

describe('reading history.json', () => {
  it('round-trips what appendRun wrote', () => {
    const history = pushes([100, 98]);
    expect(parseHistory(serialiseHistory(history), KEY)).toEqual(history);
  });

  it('refuses the history of another branch, path or hardware', () => {
    const text = serialiseHistory(pushes([100]));
    expect(() => parseHistory(text, { branch: 'dev', scope: 'bench' })).toThrow('history.json belongs to another branch, path or hardware');
    expect(() => parseHistory(text, { branch: 'main', scope: 'bench', hardware: 'a100' })).toThrow('history.json belongs to another branch, path or hardware');
  });

  it('names what is wrong in a damaged file', () => {
    expect(() => parseHistory('{', KEY)).toThrow(/^history\.json is not valid JSON/);
    const bad = { ...pushes([100]), runs: [{ commit: 'x', createdAt: 't', values: [[1, 2]] }] };
    expect(() => parseHistory(JSON.stringify(bad), KEY)).toThrow('history.json runs[0].values must hold [mean, sd, n] or null');
    expect(() => parseHistory(JSON.stringify({ ...pushes([100]), schemaVersion: 2 }), KEY)).toThrow('history.json has schema version 2; this version reads 1');
  });
});

describe('the history of the compared series', () => {
  it('finds each head series by its stable key, a new timestamped run by the benchmark it belongs to', () => {
    let history: BranchHistory | undefined;
    [['20251001-100000', 100], ['20251002-100000', 102], ['20251003-100000', 98]].forEach(([ts, mean], i) => {
      history = appendRun(history, KEY, snapshot(`sha${i}`, [series(`runs/${ts}/t.csv`, 'tokens_s', mean as number)], `2025-10-0${i + 1}T10:00:00.000Z`), {}, { runs: 20 }).history;
    });
    // The pull request adds run 4: its series id is the head's own, numbered as the fourth run of the benchmark.
    const head = { ...series('runs/20251004-100000/t.csv', 'tokens_s', 97), id: 'runs/<ts>/t.csv::tokens_s#4' };
    const runs = historyBySeries(history as BranchHistory, [head]);
    expect([...runs.keys()]).toEqual(['runs/<ts>/t.csv::tokens_s#4']);
    expect(runs.get('runs/<ts>/t.csv::tokens_s#4')?.values.map((v) => [v.mean, v.commit, v.createdAt])).toEqual([
      [100, 'sha0', '2025-10-01T10:00:00.000Z'],
      [102, 'sha1', '2025-10-02T10:00:00.000Z'],
      [98, 'sha2', '2025-10-03T10:00:00.000Z'],
    ]);
  });
});
