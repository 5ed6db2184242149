import { bencher } from './bencher.js';
import { benchmarkDotNet } from './benchmarkdotnet.js';
import { cargoBench, criterion } from './criterion.js';
import { fio } from './fio.js';
import { githubActionBenchmark } from './github-action-benchmark.js';
import { goBench } from './go-bench.js';
import { googleBenchmark } from './google-benchmark.js';
import { hyperfine } from './hyperfine.js';
import { iperf3 } from './iperf3.js';
import { jmh } from './jmh.js';
import { k6 } from './k6.js';
import { locust } from './locust.js';
import { mlperf } from './mlperf.js';
import { ncclTests } from './nccl-tests.js';
import { nvidiaSmi } from './nvidia-smi.js';
import { pyperf } from './pyperf.js';
import { pytestBenchmark } from './pytest-benchmark.js';
import type { ToolAdapter } from './types.js';

/**
 * General benchmarking tools, in detection order. Each detector looks for keys
 * only its tool writes; Bencher's `{bench: {measure: {value}}}` shape is the
 * least specific, so it is tried last among the JSON formats.
 */
export const GENERAL_ADAPTERS: readonly ToolAdapter[] = [
  pytestBenchmark,
  googleBenchmark,
  hyperfine,
  criterion,
  githubActionBenchmark,
  jmh,
  pyperf,
  fio,
  k6,
  iperf3,
  bencher,
  goBench,
  cargoBench,
  ncclTests,
  mlperf,
  benchmarkDotNet,
  nvidiaSmi,
  locust,
];
