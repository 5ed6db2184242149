import type { Direction, RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import { sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { isObject, numberOf, objectAt, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * iperf3 `-J` (`--json`) output of one test:
 *
 *     { "start": { "version": "iperf 3.9", "connecting_to": {…}, "timestamp": {…},
 *                  "test_start": { "protocol": "TCP", "num_streams": 4, "blksize": 131072, "reverse": 0, … } },
 *       "intervals": [ { "streams": […], "sum": { "bits_per_second": …, "retransmits": … } }, … ],
 *       "end": { "streams": [ { "sender": { …, "mean_rtt": … }, "receiver": {…} } ],
 *                "sum_sent": { "bits_per_second": …, "retransmits": … }, "sum_received": { "bits_per_second": … },
 *                "sum": { UDP: "jitter_ms", "lost_packets", "packets", "lost_percent" },
 *                "cpu_utilization_percent": { "host_total": …, "remote_total": … } },
 *       "error": "…" only when the test failed }
 *
 * The test's result is its `end` totals: the sender's and the receiver's
 * bitrate (the receiver's is what arrived), TCP retransmits and round-trip
 * times, UDP jitter and loss. Intervals are the time line of the same run, not
 * repeated measurements; addresses, ports, cookies, clocks and socket buffer
 * sizes are not results.
 */

interface Def {
  unit: string;
  direction: Direction;
}

const MBIT: Def = { unit: 'Mbit/s', direction: 'higher' };
const PERCENT_CPU: Def = { unit: '%', direction: 'none' };

function isIperf3(json: unknown): json is JsonObject {
  return isObject(json) && isObject(json.start) && isObject(json.start.test_start) && (isObject(json.end) || typeof json.error === 'string');
}


/** iperf3 counts bits in SI units, as its console prints Mbits/sec: 1 Mbit = 10^6 bits. */
function mbit(bitsPerSecond: number): number {
  return bitsPerSecond / 1e6;
}

/**
 * The test's shape: protocol, parallel streams, block size, direction and a
 * requested bitrate. A `-R` run measures the other path, and `-P 4` another
 * load: each is another benchmark, not a change of this one.
 */
function labelsOf(testStart: JsonObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const protocol = shortLabel(testStart.protocol);
  if (protocol !== undefined) labels.protocol = protocol;
  for (const [label, key] of [['streams', 'num_streams'], ['blksize', 'blksize']] as const) {
    const n = numberOf(testStart[key]);
    if (n !== undefined) labels[label] = String(n);
  }
  if (numberOf(testStart.reverse) === 1) labels.reverse = '1';
  if (numberOf(testStart.bidir) === 1) labels.bidir = '1';
  const target = numberOf(testStart.target_bitrate);
  if (target !== undefined && target > 0) labels.target_bitrate = String(target);
  return labels;
}

/** The round-trip times the sender's kernel reported per stream (µs, Linux only): their mean, min and max. */
function rttSummary(streams: unknown): RawSeries['summary'] | undefined {
  if (!Array.isArray(streams) || streams.length === 0) return undefined;
  const senders = streams.map((s) => objectAt(s, 'sender'));
  const means = senders.map((s) => numberOf(s?.mean_rtt));
  if (means.some((m) => m === undefined)) return undefined;
  const mins = senders.map((s) => numberOf(s?.min_rtt)).filter((v): v is number => v !== undefined);
  const maxs = senders.map((s) => numberOf(s?.max_rtt)).filter((v): v is number => v !== undefined);
  // Each stream's mean counts once: iperf3 does not say how many RTT samples each holds.
  const mean = (means as number[]).reduce((a, b) => a + b, 0) / means.length;
  return summaryOf({ mean, min: mins.length === means.length ? Math.min(...mins) : undefined, max: maxs.length === means.length ? Math.max(...maxs) : undefined });
}

/**
 * TCP delivers every byte it sends, so a receiver total of 0 bytes beside a
 * sender that sent some is not a measurement: iperf3 wrote it when it did not
 * get the receiver's count (a short -n test, some servers in -R runs).
 */
function receiverMissing(sent: JsonObject | undefined, received: JsonObject | undefined, udp: boolean): number | undefined {
  if (udp) return undefined; // UDP may really lose every datagram: its loss says so.
  const sentBytes = numberOf(sent?.bytes);
  return numberOf(received?.bytes) === 0 && sentBytes !== undefined && sentBytes > 0 ? sentBytes : undefined;
}

/** One direction of traffic: its sent and received totals, and for UDP the receiver's jitter and loss. */
function flowSeries(end: JsonObject, suffix: string, labels: Record<string, string>, udp: boolean, problems: ProblemLog): RawSeries[] {
  const series: RawSeries[] = [];
  const sent = objectAt(end, `sum_sent${suffix}`);
  const received = objectAt(end, `sum_received${suffix}`);
  const sentRate = numberOf(sent?.bits_per_second);
  let receivedRate = numberOf(received?.bits_per_second);
  const sentBytes = receiverMissing(sent, received, udp);
  if (sentBytes !== undefined && receivedRate !== undefined) {
    problems.add(undefined, `end.sum_received${suffix}: the receiver's total is 0 bytes while the sender sent ${sentBytes} bytes over TCP (iperf3 did not get the receiver's count); receiver_bitrate is not read`);
    receivedRate = undefined;
  }
  if (sentRate !== undefined) series.push(sampledSeries('sender_bitrate', labels, [mbit(sentRate)], MBIT));
  if (receivedRate !== undefined) series.push(sampledSeries('receiver_bitrate', labels, [mbit(receivedRate)], MBIT));
  // UDP before 3.9 states one `sum`: the client's rate with the server's jitter and loss.
  const sum = objectAt(end, `sum${suffix}`);
  if (suffix === '' && sentRate === undefined && receivedRate === undefined && numberOf(sum?.bits_per_second) !== undefined) {
    series.push(sampledSeries('bitrate', labels, [mbit(numberOf(sum?.bits_per_second) as number)], MBIT));
  }
  const retransmits = numberOf(sent?.retransmits);
  if (!udp && retransmits !== undefined) series.push(sampledSeries('retransmits', labels, [retransmits], { unit: '', direction: 'lower' }));
  if (udp) {
    const loss = [received, sum].find((o) => numberOf(o?.jitter_ms) !== undefined);
    if (loss) {
      series.push(sampledSeries('jitter_ms', labels, [numberOf(loss.jitter_ms) as number], { unit: 'ms', direction: 'lower' }));
      const lostPercent = numberOf(loss.lost_percent);
      if (lostPercent !== undefined) series.push(sampledSeries('lost_percent', labels, [lostPercent], { unit: '%', direction: 'lower' }));
      const lost = numberOf(loss.lost_packets);
      if (lost !== undefined) series.push(sampledSeries('lost_packets', labels, [lost], { unit: 'packets', direction: 'lower' }));
    }
  }
  return series;
}

function parseIperf3(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  if (!isIperf3(doc)) return skipped('not iperf3 -J output: no start.test_start with an end');
  // A failed test still writes its (empty or partial) totals: they are not a measurement of the path.
  const error = typeof doc.error === 'string' ? doc.error.trim() : '';
  if (error !== '') return skipped(`iperf3 test failed: ${shortLabel(error, 160) ?? 'error message not shown'}`);
  const end = objectAt(doc, 'end');
  const testStart = objectAt(doc.start, 'test_start') as JsonObject;
  if (!end) return skipped('iperf3 output without end totals');
  const labels = labelsOf(testStart);
  const udp = String(testStart.protocol).toUpperCase() === 'UDP';
  const bidir = numberOf(testStart.bidir) === 1;
  const series: RawSeries[] = [];
  const problems = new ProblemLog();
  if (bidir) {
    // `--bidir` measures both directions at once: each its own flow, never pooled.
    series.push(...flowSeries(end, '', { ...labels, flow: 'forward' }, udp, problems));
    series.push(...flowSeries(end, '_bidir_reverse', { ...labels, flow: 'reverse' }, udp, problems));
  } else series.push(...flowSeries(end, '', labels, udp, problems));
  if (!udp) {
    const rtt = rttSummary(end.streams);
    if (rtt && !bidir) series.push(summarySeries('rtt', labels, rtt, { unit: 'µs', direction: 'lower' }));
  }
  const cpu = objectAt(end, 'cpu_utilization_percent');
  for (const [metric, key] of [['host_cpu_total', 'host_total'], ['remote_cpu_total', 'remote_total']] as const) {
    const v = numberOf(cpu?.[key]);
    if (v !== undefined) series.push(sampledSeries(metric, labels, [v], PERCENT_CPU));
  }
  if (series.length === 0) return skipped('iperf3 output without bitrate totals in end');
  return parsedOutcome('iperf3', series, problems, { rows: 1 });
}

export const iperf3: ToolAdapter = {
  name: 'iperf3',
  types: ['json'],
  detect: (input) => isIperf3(input.json),
  parse: parseIperf3,
};
