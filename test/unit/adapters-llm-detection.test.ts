import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOOL_FIXTURES, readOutput } from '../helpers/llm-adapters.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

/** What reads each file of a folder mixing LLM tool outputs with ordinary results. */
async function adapters(files: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const outcome = await readOutput(path.join(root, file), { relative: file });
    out[file] = outcome.status === 'parsed' ? outcome.adapter : outcome.status;
  }
  return out;
}

describe('detection over a mixed folder', () => {
  it('gives every LLM tool output to its adapter, from content', async () => {
    const files = (await fs.readdir(TOOL_FIXTURES, { recursive: true }))
      .filter((f) => /^(vllm|llama-bench|genai-perf|guidellm|inference-benchmarker|llmperf|ollama|trtllm-bench)\/[^/]+\.\w+$/.test(f.replace(/\\/g, '/')))
      .map((f) => path.posix.join('test/fixtures/tools', f.replace(/\\/g, '/')))
      .sort();
    expect(await adapters(files)).toEqual({
      'test/fixtures/tools/genai-perf/aiperf-0.11-layout.json': 'genai-perf',
      'test/fixtures/tools/genai-perf/aiperf-counts.json': 'genai-perf',
      'test/fixtures/tools/genai-perf/ns-units.json': 'genai-perf',
      'test/fixtures/tools/genai-perf/profile_export_aiperf.csv': 'genai-perf',
      'test/fixtures/tools/genai-perf/profile_export_aiperf.json': 'genai-perf',
      'test/fixtures/tools/genai-perf/profile_export_genai_perf.csv': 'genai-perf',
      'test/fixtures/tools/genai-perf/profile_export_genai_perf.json': 'genai-perf',
      'test/fixtures/tools/guidellm/concurrent-0.5.json': 'guidellm',
      'test/fixtures/tools/guidellm/sweep-0.3.json': 'guidellm',
      'test/fixtures/tools/inference-benchmarker/qwen2.5-7b_7f3e91c2.json': 'inference-benchmarker',
      'test/fixtures/tools/llama-bench/b2500-metal.jsonl': 'llama-bench',
      'test/fixtures/tools/llama-bench/appended.csv': 'llama-bench',
      'test/fixtures/tools/llama-bench/b6000-fa-sweep.json': 'llama-bench',
      'test/fixtures/tools/llama-bench/cpu.csv': 'llama-bench',
      'test/fixtures/tools/llama-bench/cuda.md': 'llama-bench',
      'test/fixtures/tools/llama-bench/harness-wrapped.json': 'llama-bench',
      'test/fixtures/tools/llama-bench/repacked-run.log': 'llama-bench',
      'test/fixtures/tools/llama-bench/vulkan-run.log': 'llama-bench',
      'test/fixtures/tools/llmperf/llama-3-8b_512_128_summary.json': 'llmperf',
      'test/fixtures/tools/llmperf/minimal_summary.json': 'llmperf',
      'test/fixtures/tools/ollama/chat-stream.ndjson': 'ollama',
      // A stream without its final object is recognised, then failed with the reason.
      'test/fixtures/tools/ollama/cut-stream.jsonl': 'failed',
      'test/fixtures/tools/ollama/eval-rates-only.txt': 'ollama',
      'test/fixtures/tools/ollama/generate-final.json': 'ollama',
      'test/fixtures/tools/ollama/generate-stream-saved.json': 'ollama',
      'test/fixtures/tools/ollama/responses-with-error.json': 'ollama',
      // A page with a metric table is the table reader's; one without is read for the console output it quotes.
      'test/fixtures/tools/ollama/results-and-log.md': 'markdown',
      'test/fixtures/tools/ollama/setup-notes.md': 'ollama',
      'test/fixtures/tools/ollama/speed-notes.md': 'ollama+llama-bench',
      'test/fixtures/tools/ollama/verbose-headed.log': 'ollama',
      'test/fixtures/tools/ollama/verbose-two-models.log': 'ollama',
      'test/fixtures/tools/trtllm-bench/report-pytorch-fp8-tp2.json': 'trtllm-bench',
      'test/fixtures/tools/trtllm-bench/report-trt-offline.json': 'trtllm-bench',
      // Every request failed: recognised, then skipped with the reason.
      'test/fixtures/tools/vllm/all-failed.json': 'skipped',
      'test/fixtures/tools/vllm/append-result.json': 'vllm',
      'test/fixtures/tools/vllm/bench-serve-detailed.json': 'vllm',
      'test/fixtures/tools/vllm/offline-latency.json': 'vllm',
      'test/fixtures/tools/vllm/offline-throughput.json': 'vllm',
      'test/fixtures/tools/vllm/benchmark-serving-2024.json': 'vllm',
      'test/fixtures/tools/vllm/sglang-bench-serving.jsonl': 'vllm',
      'test/fixtures/tools/vllm/sweep-summary.json': 'vllm',
      'test/fixtures/tools/vllm/truncated.json': 'failed',
    });
  });

  it('leaves ordinary CSV, JSON, JSONL and Markdown results to the generic readers', async () => {
    expect(
      await adapters([
        'examples/benchmarks/ollama/per_prompt_runs.csv',
        'examples/benchmarks/ollama/generate_calls.jsonl',
        'examples/benchmarks/serving/chat_serving_summary.json',
        'examples/benchmarks/runs/20251002-151204/throughput.csv',
        'examples/benchmarks/notes/quantization_results.md',
        'test/fixtures/csv/serving.tsv',
        'test/fixtures/json/serving-summary.json',
        'test/fixtures/json/per-prompt-runs.json',
        'test/fixtures/json/ndjson-saved-as.json',
        'test/fixtures/jsonl/runs.jsonl',
        'test/fixtures/markdown/leaderboard.md',
        'test/fixtures/markdown/multi-table.md',
      ]),
    ).toEqual({
      'examples/benchmarks/ollama/per_prompt_runs.csv': 'csv',
      'examples/benchmarks/ollama/generate_calls.jsonl': 'jsonl',
      'examples/benchmarks/serving/chat_serving_summary.json': 'json',
      'examples/benchmarks/runs/20251002-151204/throughput.csv': 'csv',
      'examples/benchmarks/notes/quantization_results.md': 'markdown',
      'test/fixtures/csv/serving.tsv': 'tsv',
      'test/fixtures/json/serving-summary.json': 'json',
      'test/fixtures/json/per-prompt-runs.json': 'json',
      'test/fixtures/json/ndjson-saved-as.json': 'jsonl',
      'test/fixtures/jsonl/runs.jsonl': 'jsonl',
      'test/fixtures/markdown/leaderboard.md': 'markdown',
      'test/fixtures/markdown/multi-table.md': 'markdown',
    });
  });
});
