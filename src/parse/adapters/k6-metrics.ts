import type { Direction, ProvidedSummary } from '../../model/series.js';
import { summaryOf } from './util.js';

/* What k6's summary JSON (k6.ts) and its `--out json` point stream (k6-points.ts) share: built-in metrics and directions. */

/**
 * k6's built-in trends of durations. The older export does not say what a
 * metric `contains`, so these are known to be times (ms) by name.
 */
export const BUILTIN_DURATIONS = new Set([
  'http_req_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
  'iteration_duration',
  'group_duration',
  'grpc_req_duration',
  'ws_connecting',
  'ws_session_duration',
  'ws_ping',
  'browser_http_req_duration',
  'browser_web_vital_fcp',
  'browser_web_vital_lcp',
  'browser_web_vital_inp',
  'browser_web_vital_fid',
  'browser_web_vital_ttfb',
]);

/** Built-in counters holding bytes, for the older export. */
export const BUILTIN_DATA = new Set(['data_received', 'data_sent']);

/**
 * Counters whose rate is the load the system sustained: more per second is
 * better. Totals are left without a direction: in a fixed-iterations test
 * they are set by the script, and in a fixed-duration one the rate says it.
 * Data volumes follow the payloads, not the system's speed.
 */
const THROUGHPUT_COUNTERS = new Set(['http_reqs', 'iterations', 'grpc_streams', 'ws_sessions']);

/** Custom metrics counting what went wrong: fewer is better. */
const FAILURE = /(^|_)(errors?|fail(s|ed|ures?)?|drop(s|ped)?|timeouts?|reject(s|ed)?|retr(y|ies))(_|$)/i;
/** Custom rates of what went right: more is better. */
const SUCCESS = /(^|_)(success(es|ful)?|pass(es|ed)?|ok|hits?|checks)(_|$)/i;

/**
 * A Rate is the mean of its 0/1 values: with `passes` and `fails` it is a
 * summary of passes + fails samples whose sd follows from the fraction.
 */
export function rateSummary(rate: number, passes: number | undefined, fails: number | undefined): ProvidedSummary {
  if (passes === undefined || fails === undefined) return { mean: rate };
  const n = passes + fails;
  if (n < 2) return summaryOf({ n: n || undefined, mean: rate });
  return { n, mean: rate, sd: Math.sqrt((rate * (1 - rate) * n) / (n - 1)) };
}

/** A custom metric's direction from its name; k6's own are decided where they are read. */
export function customDirection(name: string): Direction {
  if (FAILURE.test(name)) return 'lower';
  if (SUCCESS.test(name)) return 'higher';
  return 'none';
}

export function rateDirection(name: string): Direction {
  if (name === 'http_req_failed') return 'lower';
  if (name === 'checks') return 'higher';
  return customDirection(name);
}

export function counterDirections(name: string): { count: Direction; rate: Direction } {
  if (THROUGHPUT_COUNTERS.has(name)) return { count: 'none', rate: 'higher' };
  if (BUILTIN_DATA.has(name)) return { count: 'none', rate: 'none' };
  const d = FAILURE.test(name) ? 'lower' : 'none';
  return { count: d, rate: d };
}
