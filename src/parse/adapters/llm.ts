import { genaiPerfAdapter } from './genai-perf.js';
import { guidellmAdapter } from './guidellm.js';
import { inferenceBenchmarkerAdapter } from './inference-benchmarker.js';
import { llamaBenchAdapter } from './llama-bench.js';
import { llmperfAdapter } from './llmperf.js';
import { lmEvalAdapter } from './lm-eval.js';
import { ollamaAdapter } from './ollama.js';
import { optimumBenchmark } from './optimum-benchmark.js';
import { trtllmBenchAdapter } from './trtllm-bench.js';
import type { ToolAdapter } from './types.js';
import { vllmAdapter } from './vllm.js';

/**
 * LLM-inference benchmark adapters (vLLM, llama-bench, GenAI-Perf/AIPerf,
 * LLMPerf, GuideLLM, trtllm-bench, optimum-benchmark, inference-benchmarker,
 * Ollama) and lm-evaluation-harness scores, in detection order.
 * Owned by the LLM-formats work: add each adapter here; the registry tries
 * them after the general benchmark tools.
 * Each recognises keys only its tool writes, so the order is only a tie-breaker.
 */
export const LLM_ADAPTERS: readonly ToolAdapter[] = [vllmAdapter, llmperfAdapter, genaiPerfAdapter, guidellmAdapter, trtllmBenchAdapter, optimumBenchmark, inferenceBenchmarkerAdapter, llamaBenchAdapter, ollamaAdapter, lmEvalAdapter];
