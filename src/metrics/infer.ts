import type { Direction } from './types.js';

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
  { test: /(^|_)(tokens?|toks?)_(per_)?(s|sec|second)(_|$)|(^|_)tps(_|$)|tok\/s|tokens?\/s|(^|_)(tokens?|output|input)_throughput(_|$)/, unit: 'tok/s' },
  { test: /(^|_)(requests?|reqs?)_(per_)?(s|sec|second)(_|$)|(^|_)(rps|qps)(_|$)|req\/s|(^|_)requests?_throughput(_|$)/, unit: 'req/s' },
  { test: /(^|_)(items?)_(per_)?(s|sec|second)(_|$)/, unit: 'items/s' },
  { test: /(^|_)(bytes?)_(per_)?(s|sec|second)(_|$)/, unit: 'B/s' },
  { test: /(^|_)(mb|mib)_(per_)?(s|sec|second)(_|$)|mb\/s/, unit: 'MB/s' },
  { test: /(^|_)(gb|gib)_(per_)?(s|sec|second)(_|$)|gb\/s/, unit: 'GB/s' },
  { test: /(^|_)(ops|operations)((_per)?_(s|sec|second))?(_|$)|ops\/s/, unit: 'ops/s' },
  { test: /(^|_)(img|images?|samples?|frames?)_(per_)?(s|sec|second)(_|$)|(^|_)fps(_|$)/, unit: '/s' },
  { test: /_per_(s|sec|second)(_|$)|\/s$/, unit: '/s' },
  { test: /(^|_)(ns|nanoseconds?)(_|$)|ns\/op/, unit: 'ns' },
  { test: /(^|_)(us|µs|microseconds?)(_|$)/, unit: 'µs' },
  { test: /(^|_)(ms|msec|millis|milliseconds?)(_|$)/, unit: 'ms' },
  { test: /(^|_)(s|sec|secs|seconds?)(_|$)/, unit: 's' },
  { test: /(^|_)(gb|gib)(_|$)/, unit: 'GB' },
  { test: /(^|_)(mb|mib)(_|$)/, unit: 'MB' },
  { test: /(^|_)(kb|kib)(_|$)/, unit: 'KB' },
  { test: /(^|_)bytes?(_|$)|b\/op/, unit: 'B' },
  { test: /(^|_)(pct|percent|percentage)(_|$)|%/, unit: '%' },
];

const HIGHER = /(^|_)(throughput|tps|rps|qps|fps|ops|bandwidth|speedup|accuracy|acc|score|f1|bleu|rouge|precision|recall|hit_rate|success_rate|goodput|mfu|efficiency)(_|$)|(^|_)(tokens?|toks?|requests?|reqs?|items?|bytes?|ops)_(per_)?(s|sec|second)(_|$)|\/s$|_per_(s|sec|second)(_|$)/;
const LOWER = /(^|_)(latency|latencies|ttft|tpot|itl|e2el|time|times|duration|elapsed|wall|walltime|delay|lag|overhead|load|wait|ms|ns|us|s|sec|seconds?|mem|memory|vram|rss|bytes|allocs?|errors?|error_rate|failed|failures?|loss|perplexity|ppl|cost|size)(_|$)|ns\/op|b\/op|allocs\/op/;

/** `TTFT (ms)` → `ttft_ms`; `meanTimeMs` → `mean_time_ms`. */
export function normaliseName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s.\-()[\]{}]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A unit written in the name itself: `TTFT (ms)`, `throughput [tok/s]`. */
export function bracketUnit(name: string): string | undefined {
  const match = /[([]\s*([^()[\]]{1,16}?)\s*[)\]]\s*$/.exec(name);
  return match?.[1];
}

export function inferUnit(metric: string): string {
  const stated = bracketUnit(metric);
  if (stated) return canonicalUnit(stated);
  const name = normaliseName(metric);
  return UNIT_RULES.find((rule) => rule.test.test(name))?.unit ?? '';
}

/** Spellings users write, folded to the units the report shows. */
export function canonicalUnit(unit: string): string {
  const u = unit.trim();
  const lower = u.toLowerCase();
  const aliases: Record<string, string> = {
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
    microseconds: 'µs',
    nanoseconds: 'ns',
    percent: '%',
  };
  return aliases[lower] ?? u;
}

export function inferDirection(metric: string, unit: string): Direction {
  const name = normaliseName(metric);
  // The unit is the strongest evidence: a rate is higher-is-better, a duration lower.
  if (/\/s$|\/sec$/.test(unit)) return 'higher';
  if (HIGHER.test(name)) return 'higher';
  if (['ns', 'µs', 'ms', 's'].includes(unit)) return 'lower';
  if (LOWER.test(name)) return 'lower';
  return 'none';
}

/** Throughput-like: higher is better and a rate, by unit or by name. */
export function isThroughput(direction: Direction, unit: string, metric: string): boolean {
  return direction === 'higher' && (/\/s$/.test(unit) || /(^|_)throughput(_|$)/.test(normaliseName(metric)));
}
