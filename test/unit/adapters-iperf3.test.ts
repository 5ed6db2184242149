import { describe, expect, it } from 'vitest';
import { iperf3 } from '../../src/parse/adapters/iperf3.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const TCP = '{blksize=131072,protocol=TCP,streams=4}';
const UDP = '{blksize=1448,protocol=UDP,streams=1,target_bitrate=1000000000}';

function input(doc: unknown): AdapterInput {
  return { path: 'iperf.json', type: 'json', text: JSON.stringify(doc), json: doc };
}

/** The smallest TCP result iperf3 writes: the test's settings and its end totals. */
function tcpResult(testStart: Record<string, unknown>, end: Record<string, unknown>) {
  return { start: { version: 'iperf 3.16', test_start: { protocol: 'TCP', num_streams: 1, blksize: 131072, reverse: 0, ...testStart } }, intervals: [], end };
}

describe('iperf3 -J', () => {
  it('reads a TCP test as its end totals: sender and receiver bitrate, retransmits, RTT and CPU', async () => {
    const outcome = await readFixture('iperf3/tcp-4-streams.json');
    expect(parsed(outcome)).toMatchObject({ adapter: 'iperf3', rows: 1, excludedRows: 0 });
    expect(described(built(outcome))).toEqual([
      `sender_bitrate${TCP} [Mbit/s, higher, samples]`,
      `receiver_bitrate${TCP} [Mbit/s, higher, samples]`,
      `retransmits${TCP} [-, lower, samples]`,
      `rtt${TCP} [µs, lower, summary]`,
      `host_cpu_total${TCP} [%, none, samples]`,
      `remote_cpu_total${TCP} [%, none, samples]`,
    ]);
  });

  it('states bitrates in Mbit/s as iperf3 prints them (10^6 bits), the receiver\'s being what arrived', async () => {
    const series = built(await readFixture('iperf3/tcp-4-streams.json'));
    expect(only(series, 'receiver_bitrate').stats.mean).toBe(9717);
    expect(only(series, 'sender_bitrate').stats.mean).toBeCloseTo(9726.666667, 9);
    expect(only(series, 'retransmits').stats.mean).toBe(3);
  });

  it('sums the streams\' round-trip times up as the mean of their means, with the smallest minimum and largest maximum', async () => {
    const rtt = only(built(await readFixture('iperf3/tcp-4-streams.json')), 'rtt');
    expect(rtt.stats).toMatchObject({ n: null, mean: 407.5, min: 396, max: 430 });
  });

  it('never reads intervals, ports, clocks, socket buffers or settings as results', async () => {
    const metrics = built(await readFixture('iperf3/tcp-4-streams.json')).map((s) => s.metric);
    for (const absent of ['timesecs', 'local_port', 'sndbuf_actual', 'tcp_mss_default', 'bits_per_second', 'bytes', 'seconds', 'snd_cwnd', 'duration']) {
      expect(metrics.some((m) => m.includes(absent))).toBe(false);
    }
  });

  it('reads a UDP test\'s jitter and loss from the receiver, and labels its requested bitrate', async () => {
    const series = built(await readFixture('iperf3/udp-1g.json'));
    expect(described(series)).toEqual([
      `sender_bitrate${UDP} [Mbit/s, higher, samples]`,
      `receiver_bitrate${UDP} [Mbit/s, higher, samples]`,
      `jitter_ms${UDP} [ms, lower, samples]`,
      `lost_percent${UDP} [%, lower, samples]`,
      `lost_packets${UDP} [packets, lower, samples]`,
      `host_cpu_total${UDP} [%, none, samples]`,
      `remote_cpu_total${UDP} [%, none, samples]`,
    ]);
    expect([only(series, 'jitter_ms').stats.mean, only(series, 'lost_percent').stats.mean, only(series, 'lost_packets').stats.mean]).toEqual([0.0214, 0.8821, 1523]);
  });

  it('reads a UDP test of iperf3 before 3.9, which states one sum, as its bitrate with the jitter and loss', () => {
    const doc = { start: { test_start: { protocol: 'UDP', num_streams: 1, blksize: 1460 } }, end: { sum: { bits_per_second: 1048576, jitter_ms: 0.05, lost_packets: 0, packets: 90, lost_percent: 0 } } };
    expect(parsed(iperf3.parse(input(doc))).series.map((s) => [s.metric, s.samples?.samples])).toEqual([
      ['bitrate', [1.048576]],
      ['jitter_ms', [0.05]],
      ['lost_percent', [0]],
      ['lost_packets', [0]],
    ]);
  });

  it('labels a reverse (-R) test, which measures the other direction of the path', () => {
    const data = parsed(iperf3.parse(input(tcpResult({ reverse: 1 }, { sum_sent: { bits_per_second: 2e9, retransmits: 0 }, sum_received: { bits_per_second: 1.9e9 } }))));
    expect(data.series[0]!.labels).toEqual({ protocol: 'TCP', streams: '1', blksize: '131072', reverse: '1' });
  });

  it('keeps the two flows of a --bidir test apart', () => {
    const end = { sum_sent: { bits_per_second: 4e9, retransmits: 1 }, sum_received: { bits_per_second: 3.9e9 }, sum_sent_bidir_reverse: { bits_per_second: 3e9, retransmits: 5 }, sum_received_bidir_reverse: { bits_per_second: 2.9e9 } };
    const data = parsed(iperf3.parse(input(tcpResult({ bidir: 1 }, end))));
    expect(data.series.filter((s) => s.metric === 'receiver_bitrate').map((s) => [s.labels.flow, s.samples?.samples])).toEqual([
      ['forward', [3900]],
      ['reverse', [2900]],
    ]);
  });

  it('does not read a TCP receiver total of 0 bytes beside a sender that sent data as a 0 Mbit/s bitrate, and says why', () => {
    // A 10 KB -n test of iperf 3.6: the sender's 56320 bytes arrived, but the receiver's count did not reach the client.
    const end = { sum_sent: { seconds: 0.0728, bytes: 56320, bits_per_second: 6190720.76, retransmits: 0 }, sum_received: { seconds: 0.1456, bytes: 0, bits_per_second: 0 } };
    const data = parsed(iperf3.parse(input(tcpResult({ bytes: 10240 }, end))));
    expect(data.series.map((s) => [s.metric, s.samples?.samples])).toEqual([
      ['sender_bitrate', [6.19072076]],
      ['retransmits', [0]],
    ]);
    expect(data.problems).toEqual([
      { reason: "end.sum_received: the receiver's total is 0 bytes while the sender sent 56320 bytes over TCP (iperf3 did not get the receiver's count); receiver_bitrate is not read" },
    ]);
  });

  it('still reads a UDP receiver that got 0 bytes as 0 Mbit/s: every datagram can be lost, and its loss says so', () => {
    const doc = { start: { test_start: { protocol: 'UDP', num_streams: 1, blksize: 1448 } }, end: { sum_sent: { bytes: 144800, bits_per_second: 1e6, jitter_ms: 0, lost_packets: 0, packets: 100, lost_percent: 0 }, sum_received: { bytes: 0, bits_per_second: 0, jitter_ms: 0, lost_packets: 100, packets: 100, lost_percent: 100 } } };
    const data = parsed(iperf3.parse(input(doc)));
    expect(data.series.filter((s) => s.metric === 'receiver_bitrate' || s.metric === 'lost_percent').map((s) => [s.metric, s.samples?.samples])).toEqual([
      ['receiver_bitrate', [0]],
      ['lost_percent', [100]],
    ]);
    expect(data.problems).toEqual([]);
  });

  it('skips a failed test with iperf3\'s error, instead of reading its empty totals', async () => {
    expect(notParsed(await readFixture('iperf3/connection-refused.json')).reason).toBe(
      'iperf3 test failed: unable to connect to server - server may have stopped running or use a different port, firewall issue, etc.: Connection refused',
    );
  });

  it('does not claim JSON that merely has start and end keys', () => {
    for (const doc of [{ start: 1, end: 2 }, { start: { time: 'x' }, end: { sum: { bits_per_second: 1 } } }, { test_start: {}, end: {} }]) expect(iperf3.detect(input(doc))).toBe(false);
  });
});
