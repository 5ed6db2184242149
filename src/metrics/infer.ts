import type { Direction } from '../model/series.js';
import { memo, memo2 } from '../util/memo.js';
import { ownValue } from '../util/own.js';

/**
 * Unit and "better" direction from a metric's name. Rules are ordered: rates
 * are tried before plain time suffixes, because `tokens_s` ends in `_s` but
 * is a rate, not a duration.
 */
interface NameRule {
  test: RegExp;
  unit: string;
}

// Word boundaries in metric names are `_`, `.`, `-`, `/`, space or a case change,
// so every rule works on a normalised, lower-case, underscore-separated name.
const UNIT_RULES: NameRule[] = [
  // `eval_rate` / `prompt_eval_rate`: Ollama's generation speed, in tokens per second.
  { test: /(^|_)(tokens?|toks?)_(per_)?(s|sec|second)(_|$)|(^|_)tps(_|$)|tok\/s|tokens?\/s|(^|_)t\/s$|(^|_)(tokens?|output|input)_throughput(_|$)|(^|_)eval_rate(_|$)/, unit: 'tok/s' },
  { test: /(^|_)(requests?|reqs?)_(per_)?(s|sec|second)(_|$)|(^|_)(rps|qps)(_|$)|req\/s|(^|_)requests?_throughput(_|$)/, unit: 'req/s' },
  { test: /(^|_)(items?)_(per_)?(s|sec|second)(_|$)/, unit: 'items/s' },
  { test: /(^|_)(bytes?)_(per_)?(s|sec|second)(_|$)/, unit: 'B/s' },
  // Network rates count bits (iperf3's `bits_per_second`, `throughput_mbps`): 8× the bytes, never items/s.
  { test: /(^|_)bits?_(per_)?(s|sec|second)(_|$)|(^|_)bps(_|$)/, unit: 'bit/s' },
  { test: /(^|_)(kbps|kbits?_(per_)?(s|sec|second))(_|$)/, unit: 'Kbit/s' },
  { test: /(^|_)(mbps|mbits?_(per_)?(s|sec|second))(_|$)/, unit: 'Mbit/s' },
  { test: /(^|_)(gbps|gbits?_(per_)?(s|sec|second))(_|$)/, unit: 'Gbit/s' },
  { test: /(^|_)mib_(per_)?(s|sec|second)(_|$)|mib\/s/, unit: 'MiB/s' },
  { test: /(^|_)mb_(per_)?(s|sec|second)(_|$)|mb\/s/, unit: 'MB/s' },
  { test: /(^|_)gib_(per_)?(s|sec|second)(_|$)|gib\/s/, unit: 'GiB/s' },
  { test: /(^|_)gb_(per_)?(s|sec|second)(_|$)|gb\/s/, unit: 'GB/s' },
  // Operations per millisecond or microsecond (JMH, Bencher measures) are 1,000× and 10⁶× ops/s: never ops/s.
  { test: /(^|_)(ops|operations)_(per_)?(ms|msec|millis|milliseconds?)(_|$)|ops\/ms/, unit: 'ops/ms' },
  { test: /(^|_)(ops|operations)_(per_)?(us|µs|microseconds?)(_|$)|ops\/(us|µs)/, unit: 'ops/µs' },
  { test: /(^|_)(ops|operations)_(per_)?(ns|nanoseconds?)(_|$)|ops\/ns/, unit: 'ops/ns' },
  { test: /(^|_)(ops|operations)((_per)?_(s|sec|second))?(_|$)|ops\/s/, unit: 'ops/s' },
  { test: /(^|_)(img|images?|samples?|frames?)_(per_)?(s|sec|second)(_|$)|(^|_)fps(_|$)/, unit: '/s' },
  { test: /_per_(s|sec|second)(_|$)|\/s$/, unit: '/s' },
  // `requests_per_ms`, `tokens/ms` are rates, not a time in ms; `latency/ms` is a time (the unit after a slash).
  { test: /_per_(ms|msec|millisecond)(_|$)|(^|_)(ops|tokens?|toks?|req(uest)?s?|items?|samples?|frames?|images?)\/ms$/, unit: '/ms' },
  { test: /(^|_)(ns|nanoseconds?)(_|$)|ns\/op/, unit: 'ns' },
  { test: /(^|_)(us|µs|microseconds?)(_|$)/, unit: 'µs' },
  { test: /(^|_)(ms|msec|millis|milliseconds?)(_|$)|\/(ms|msec|milliseconds?)$/, unit: 'ms' },
  // `Sec/it`, `s/step`: seconds per iteration.
  { test: /(^|_)(s|sec|secs|seconds?)(_|$|\/(it|iter|iteration|step|batch|epoch)$)/, unit: 's' },
  // Binary and decimal multiples differ by up to 7%: keep the one the name says.
  { test: /(^|_)gib(_|$)/, unit: 'GiB' },
  { test: /(^|_)gb(_|$)/, unit: 'GB' },
  { test: /(^|_)mib(_|$)/, unit: 'MiB' },
  { test: /(^|_)mb(_|$)/, unit: 'MB' },
  { test: /(^|_)kib(_|$)/, unit: 'KiB' },
  { test: /(^|_)kb(_|$)/, unit: 'KB' },
  { test: /(^|_)bytes?(_|$)|b\/op/, unit: 'B' },
  { test: /(^|_)(pct|percent|percentage)(_|$)|%/, unit: '%' },
];

const HIGHER = /(^|_)(throughput|tps|rps|qps|fps|ops|bps|kbps|mbps|gbps|bandwidth|speedup|accuracy|acc|score|f1|bleu|rouge|precision|recall|hit_rate|success_rate|goodput|mfu|efficiency)(_|$)|(^|_)(tokens?|toks?|requests?|reqs?|items?|bytes?|ops)_(per_)?(s|sec|second)(_|$)|\/s$|_per_(s|sec|second)(_|$)/;
const LOWER = /(^|_)(latency|latencies|ttft|tpot|itl|e2el|time|times|duration|elapsed|wall|walltime|delay|lag|overhead|load|wait|ms|ns|us|s|sec|seconds?|mem|memory|vram|rss|bytes|allocs?|errors?|error_rate|failed|failures?|loss|perplexity|ppl|cost|size)(_|$)|ns\/op|b\/op|allocs\/op/;

// Metric and column names repeat across thousands of files; each is normalised once.
const normalised = new Map<string, string>();
const NORMALISED_CACHE_LIMIT = 50_000;

/** `TTFT (ms)` → `ttft_ms`; `meanTimeMs` → `mean_time_ms`. */
export function normaliseName(name: string): string {
  const cached = normalised.get(name);
  if (cached !== undefined) return cached;
  const result = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s.\-()[\]{}]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (normalised.size >= NORMALISED_CACHE_LIMIT) normalised.clear();
  normalised.set(name, result);
  return result;
}

// What may stand in brackets as a unit: `(ms)`, `[tok/s]`, `(%)`, `(ns/op)`, `(GB)`.
// `Latency (p95)` or `Score (higher is better)` are qualifiers, not units.
const UNIT_WORD =
  /^(%|x|ns|µs|μs|us|ms|s|sec|secs|seconds?|msec|millis|milliseconds?|microseconds?|nanoseconds?|min|mins|minutes?|h|hrs?|hours?|b|bytes?|kb|kib|mb|mib|gb|gib|tb|tib|w|watts?|j|°c|tokens?|toks?|reqs?|requests?|ops|g?t?flops|fps|tps|rps|qps|percent|tokens per second)$/i;
const UNIT_RATE = /^[a-zµμ%]+\s*\/\s*(s|sec|second|ms|op|iter|it|step|tok|token|req|request|call|batch|sample|image|gpu)$/i;

/** A unit written in the name itself: `TTFT (ms)`, `throughput [tok/s]`. */
export function bracketUnit(name: string): string | undefined {
  const match = /[([]\s*([^()[\]]{1,24}?)\s*[)\]]\s*$/.exec(name);
  const inside = match?.[1];
  return inside !== undefined && (UNIT_WORD.test(inside) || UNIT_RATE.test(inside)) ? inside : undefined;
}

/**
 * A quantity per second written with a slash in the name itself: `GiB/sec`,
 * `bw_kB/sec`, `Mbit/sec`, `TFLOP/sec/GPU`, `TFLOPS/sec`. Case matters here:
 * `B` is a byte, `bit` a bit.
 */
const SLASH_RATE = /(?:^|[\s_(\[])((?:[KMGT]i?|k)?B|[kKMGT]?bit|[KMGTP]?FLOPS?)\s*\/\s*(?:s|sec|secs|seconds?)(?![A-Za-z])/;

function slashRate(metric: string): string | undefined {
  const word = SLASH_RATE.exec(metric)?.[1];
  if (word === undefined) return undefined;
  if (/FLOPS?$/.test(word)) return `${word.replace(/S$/, '')}/s`;
  return `${word.replace(/^k(?=B$)/, 'K')}/s`;
}

/**
 * `MBps`, `GBps`, `KiBps`: a capital `B` before `ps` is bytes per second
 * (`read_MBps`, memory bandwidth in `bandwidthGBps`), 8× what `Mbps` counts.
 * Names are compared lower case below, where `mbps` is a bit rate, so the
 * case is read here first.
 */
const BYTE_PS = /(?:^|[^A-Z])((?:[KMGT]i?|k)?)Bps(?![a-z])/;

function bytesPerSecond(metric: string): string | undefined {
  const prefix = BYTE_PS.exec(metric)?.[1];
  return prefix === undefined ? undefined : `${prefix.replace(/^k$/, 'K')}B/s`;
}

export const inferUnit: (metric: string) => string = memo(50_000, (metric) => {
  const stated = bracketUnit(metric);
  if (stated) return canonicalUnit(stated);
  const rate = slashRate(metric) ?? bytesPerSecond(metric);
  if (rate) return rate;
  // `Tokens / sec / GPU`, `TFLOP/sec/GPU`: a slash before a unit of time reads "per", not "seconds".
  const name = normaliseName(metric)
    .replace(/_?\/_?(sec|secs|second|seconds)(_?\/_?|_|$)/g, '_per_$1_')
    .replace(/_$/, '');
  return UNIT_RULES.find((rule) => rule.test.test(name))?.unit ?? '';
});

/** Spellings users write, by their lower-case form, and the units the report shows for them. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  'tokens/s': 'tok/s',
  'token/s': 'tok/s',
  'tokens/sec': 'tok/s',
  'tok/sec': 'tok/s',
  'tokens per second': 'tok/s',
  'req/sec': 'req/s',
  'requests/s': 'req/s',
  msec: 'ms',
  milliseconds: 'ms',
  sec: 's',
  secs: 's',
  seconds: 's',
  us: 'µs',
  'μs': 'µs',
  microseconds: 'µs',
  nanoseconds: 'ns',
  percent: '%',
};

/**
 * Spellings users write, folded to the units the report shows. Remembered: a column's or tool's
 * unit is stated again for each of its series. Only the table's own entries are spellings: a unit
 * written `constructor` is no alias of anything.
 */
export const canonicalUnit: (unit: string) => string = memo(10_000, (unit) => {
  const u = unit.trim();
  return ownValue(UNIT_ALIASES, u.toLowerCase()) ?? u;
});

// Settings and clock readings recorded next to results are neither better nor
// worse when they change: `batch_size` is not a cost, `start_time` is not a latency.
const NEUTRAL =
  // Clock frequencies and the standard error of a score (`acc_stderr`) say nothing of which way is better.
  /(^|_)(clocks?|mhz|ghz|freq|frequency|stderr|std_err|sem)(_|$)|(^|_)(batch|chunk|block|page|window|beam|vocab|hidden|tile|group|step|ctx|context|prompt|input|output|sample|pool|buffer|queue|shard|grid|kernel|patch|image|embedding|head)_size(_|$)|(^|_)(tp|pp|dp|ep|cp|sp|world|tensor_parallel|pipeline_parallel|data_parallel|expert_parallel|context_parallel|sequence_parallel)_size(_|$)|(^|_)(start|end|begin|finish|stop|created|updated)_(time|ts|timestamp|at)(_|$)|(^|_)(timestamp|epoch|date|datetime)(_|$)/;

/** Names of rates that count what went wrong: lower is better, though the unit is a rate. */
const FAILURE_RATE = /(^|[_/ ])(fail(ure|ures|ed|s)?|errors?|err|drop(s|ped)?|timeouts?|retr(y|ies)|reject(s|ed|ions)?|abort(s|ed)?|exceptions?|5xx|4xx)([_/ ]|$)/;

export const inferDirection: (metric: string, unit: string) => Direction = memo2(50_000, directionOf);

function directionOf(metric: string, unit: string): Direction {
  const name = normaliseName(metric);
  // The unit is the strongest evidence: a rate is higher-is-better, a duration
  // lower (`accuracy_eval_time_ms` is a time, whatever its first word).
  // A rate of failures (`Failures/s`, `errors_per_s`, `dropped_per_sec`) is a rate that must fall.
  if (/\/(s|sec|ms|µs|ns)$/.test(unit)) return FAILURE_RATE.test(name) ? 'lower' : 'higher';
  if (NEUTRAL.test(name)) return 'none';
  if (['ns', 'µs', 'ms', 's'].includes(unit)) return 'lower';
  if (HIGHER.test(name)) return 'higher';
  if (LOWER.test(name)) return 'lower';
  return 'none';
}

/** Throughput-like: higher is better and a rate, by unit or by name. */
export function isThroughput(direction: Direction, unit: string, metric: string): boolean {
  return direction === 'higher' && (/\/(s|sec|ms|µs|ns)$/.test(unit) || /(^|_)throughput(_|$)/.test(normaliseName(metric)));
}
