import type { DropReason } from '../../../src/model/llm.js';
import type { Plant, ScriptedBrief } from '../ollama-emulator.js';

/**
 * The planted-untruth suite: clean briefs a well-behaved model could write
 * about the suite's repository (tree.ts) and examples/benchmarks, and planted
 * untruths, each added to a clean brief as one more claim, recommendation or
 * risk, in the categories issue 11 measured. Facts are named by the words of
 * their line in the prompt (`{{fact:…}}`, resolved by the emulator).
 */

export type Fixture = 'regression' | 'pass';

export type Category =
  | 'wrong-direction'
  | 'wrong-entity'
  | 'number-words'
  | 'other-digits'
  | 'unit-swaps'
  | 'invented-entities'
  | 'invented-causes'
  | 'gate-contradictions'
  | 'language-chatter'
  | 'markdown'
  | 'small-numbers'
  | 'wrong-numbers'
  | 'look-alikes'
  | 'markup-numbers'
  | 'superlatives'
  | 'sameness'
  | 'dismissals'
  | 'tone'
  | 'causal-claims'
  | 'approximations';

export interface PlantedCase {
  id: string;
  category: Category;
  fixture: Fixture;
  plant: Plant;
  /** The check expected to drop it. */
  reason: DropReason;
  /**
   * Structural plants (a relation or entity the data contradicts) are caught
   * when no kept claim asserts them; prose plants when their text is in no output.
   */
  structural: boolean;
}

/** Fact lines of the regression fixture, by the words they contain. */
export const F = {
  gate: '{{fact:gate:}}',
  eagerB8: '{{fact:tokens_s (backend=eager, batch_size=8)}}',
  eagerB8Latency: '{{fact:latency_ms (backend=eager, batch_size=8)}}',
  compiledB1: '{{fact:tokens_s (backend=compiled, batch_size=1)}}',
  eagerB1: '{{fact:tokens_s (backend=eager, batch_size=1)}}',
  backend: '{{fact:tokens_s by backend}}',
  batch: '{{fact:tokens_s by batch_size}}',
  international: '{{fact:tokens_s by model in international}}',
  internationalTtft: '{{fact:ttft_ms by model in international}}',
  serving: '{{fact:by backend (benchmark=chat-serving}}',
  sweep: '{{fact:sweep: tokens_s}}',
  ctxOnTokens: '{{fact:effect: num_ctx on tokens_s}}',
  gpuOnTokens: '{{fact:effect: num_gpu on tokens_s}}',
  ctxOnTtft: '{{fact:effect: num_ctx on ttft_ms}}',
  gpuOnTtft: '{{fact:effect: num_gpu on ttft_ms}}',
} as const;

/** Fact lines of examples/benchmarks (the pass fixture). */
export const E = {
  gate: '{{fact:gate:}}',
  largest: '{{fact:largest change}}',
  eagerB8: '{{fact:tokens_s (backend=eager, batch_size=8)}}',
  runtime: '{{fact:tokens_per_second by runtime}}',
  quantization: '{{fact:tokens_s by tag}}',
  models: '{{fact:tokens_s by model in ollama/per_prompt_runs.csv}}',
} as const;

/** Clean briefs: every item is true and within the rules, so none may be dropped. */
export const CLEAN: Record<Fixture, ScriptedBrief['answer']> = {
  regression: {
    claims: [
      { facts: [F.eagerB8], relation: 'fails-gate', interpretation: 'This is the change to look at first in this pull request.' },
      { facts: [F.backend], relation: 'best', subject: 'compiled', interpretation: 'Compiled kernels are the ones to keep for serving.' },
      { facts: [F.international], relation: 'best', subject: 'ГигаЧат-lite', interpretation: 'ГигаЧат-lite is the model to try first where speed matters.' },
      { facts: [F.internationalTtft], relation: 'worst', subject: '通义千问-7b', interpretation: 'Users of 通义千问-7b wait a while for the first token.' },
    ],
    recommendations: [
      { text: 'Look into the eager batch path before this change lands.', facts: [F.eagerB8] },
      { text: 'Repeat the eager runs with more samples so the test can decide.', facts: [F.eagerB1] },
    ],
    risks: [{ risk: 'Output quality is not measured in these files.', mitigation: 'Score answers on a fixed evaluation set next to the speed numbers.', facts: [] }],
  },
  pass: {
    claims: [
      { facts: [E.largest], relation: 'largest-change', interpretation: 'Worth a glance before the next release.' },
      { facts: [E.runtime], relation: 'best', subject: 'graphs', interpretation: 'The graphs runtime is the one to keep for this model.' },
      { facts: [E.quantization], relation: 'best', subject: 'q4_K_M', interpretation: 'Check answer quality of q4_K_M before making it the default.' },
    ],
    recommendations: [
      { text: 'Serve gemma3:4b with the graphs runtime.', facts: [E.runtime] },
      { text: 'Keep several runs per configuration as a floor.', facts: [] },
    ],
    risks: [{ risk: 'Answer quality of q4_K_M is not measured here.', mitigation: 'Add an evaluation set and track it with every run.', facts: [E.quantization] }],
  },
};

/** A second clean brief on the regression fixture, touching the sweep, its effects and the serving summary. */
export const CLEAN_VARIANT: ScriptedBrief['answer'] = {
  claims: [
    { facts: [F.gate], relation: 'fails', interpretation: 'The eager path needs attention before anything else.' },
    { facts: [F.ctxOnTokens], relation: 'fell', interpretation: 'Context length costs generation speed in this sweep.' },
    { facts: [F.serving], relation: 'higher', subject: 'compiled', object: 'eager', interpretation: 'The serving summary on the RTX 4090 agrees with the runs.' },
    { facts: [F.compiledB1], relation: 'improved', interpretation: 'A welcome side effect of this pull request.' },
  ],
  recommendations: [
    { text: 'Keep num_ctx at the setting the sweep favours for interactive use.', facts: [F.ctxOnTokens] },
    { text: 'Serve with compiled on the RTX 4090 hosts.', facts: [F.serving] },
  ],
  risks: [{ risk: 'The sweep ran once per configuration, so an outlier can move its ranking.', mitigation: 'Repeat the sweep for the settings that matter most.', facts: [F.sweep] }],
};

// ---------------------------------------------------------------- the plants

/** A true claim to hang planted interpretations on: not in the clean brief, so only the interpretation can fail. */
const carrier = { facts: [F.gpuOnTokens], relation: 'rose' };

let counter = 0;
function make(category: Category, reason: DropReason, plant: Plant, structural: boolean, fixture: Fixture = 'regression'): PlantedCase {
  counter += 1;
  return { id: `${category}-${counter}`, category, fixture, plant, reason, structural };
}
const claim = (category: Category, reason: DropReason, item: Record<string, unknown>, fixture: Fixture = 'regression', at?: number) =>
  make(category, reason, { list: 'claims', item, ...(at !== undefined ? { at } : {}) }, true, fixture);
const interpretation = (category: Category, reason: DropReason, text: string, base: Record<string, unknown> = carrier) => make(category, reason, { list: 'claims', item: { ...base, interpretation: text } }, false);
const recommendation = (category: Category, reason: DropReason, text: string, facts: string[] = [], fixture: Fixture = 'regression') => make(category, reason, { list: 'recommendations', item: { text, facts } }, false, fixture);
const risk = (category: Category, reason: DropReason, riskText: string, mitigation: string, facts: string[] = []) => make(category, reason, { list: 'risks', item: { risk: riskText, mitigation, facts } }, false);

export const PLANTS: PlantedCase[] = [
  // Wrong direction: the sign, the verdict or the order the data shows, reversed.
  claim('wrong-direction', 'relation-false', { facts: [F.eagerB8], relation: 'rose' }),
  claim('wrong-direction', 'relation-false', { facts: [F.eagerB8], relation: 'improved' }, 'regression', 0),
  claim('wrong-direction', 'relation-false', { facts: [F.compiledB1], relation: 'regressed' }),
  claim('wrong-direction', 'relation-false', { facts: [F.compiledB1], relation: 'fell' }),
  claim('wrong-direction', 'relation-false', { facts: [F.eagerB8Latency], relation: 'fell' }),
  claim('wrong-direction', 'relation-false', { facts: [F.ctxOnTokens], relation: 'rose' }),
  claim('wrong-direction', 'relation-false', { facts: [F.gpuOnTtft], relation: 'rose' }),
  claim('wrong-direction', 'relation-false', { facts: [F.ctxOnTtft], relation: 'fell' }),
  claim('wrong-direction', 'relation-false', { facts: [F.backend], relation: 'worst', subject: 'compiled' }),
  claim('wrong-direction', 'relation-false', { facts: [F.backend], relation: 'higher', subject: 'eager', object: 'compiled' }),
  claim('wrong-direction', 'relation-false', { facts: [F.eagerB1], relation: 'unchanged' }),
  claim('wrong-direction', 'relation-false', { facts: [F.compiledB1, F.eagerB8], relation: 'higher' }),
  interpretation('wrong-direction', 'digits', 'Throughput improved by 2.3% on this branch.'),
  interpretation('wrong-direction', 'direction-words', 'The eager path held steady.', { facts: [F.eagerB8], relation: 'regressed' }),
  recommendation('wrong-direction', 'direction-words', 'Keep eager, which got faster in this run.', [F.eagerB8]),
  risk('wrong-direction', 'direction-words', 'Latency is stable across the board.', 'Keep watching it.'),
  interpretation('wrong-direction', 'direction-words', 'Throughput held up well everywhere else.'),

  // A real number or result on the wrong entity.
  claim('wrong-entity', 'relation-false', { facts: [F.backend], relation: 'best', subject: 'eager' }),
  claim('wrong-entity', 'relation-false', { facts: [F.international], relation: 'best', subject: '通义千问-7b' }),
  claim('wrong-entity', 'relation-false', { facts: [F.internationalTtft], relation: 'best', subject: 'ГигаЧат-lite' }),
  claim('wrong-entity', 'unknown-entity', { facts: [F.compiledB1], relation: 'improved', subject: 'eager' }),
  claim('wrong-entity', 'unknown-entity', { facts: [F.eagerB8], relation: 'fails-gate', subject: 'compiled, batch_size=8' }),
  claim('wrong-entity', 'relation-false', { facts: [F.sweep], relation: 'best', subject: 'num_gpu=1, num_ctx=8192, temperature=1.0' }),
  claim('wrong-entity', 'relation-false', { facts: [F.serving], relation: 'better', subject: 'eager', object: 'compiled' }),
  claim('wrong-entity', 'relation-false', { facts: [F.gpuOnTokens], relation: 'best', subject: 'num_gpu=1' }),
  claim('wrong-entity', 'unknown-entity', { facts: [F.backend], relation: 'best', subject: 'vllm' }),
  interpretation('wrong-entity', 'digits', 'The mistral-7b model shows the same pattern.', { facts: [F.backend], relation: 'beyond-noise' }),
  recommendation('wrong-entity', 'language', 'Move ГигаЧат-lite to the compiled backend.', [F.backend]),
  interpretation('wrong-entity', 'direction-words', 'The compiled backend dropped the most.', { facts: [F.backend], relation: 'beyond-noise' }),

  // Numbers in words.
  interpretation('number-words', 'number-words', 'Compiled is three times the speed of eager.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  recommendation('number-words', 'number-words', 'Plan for the eager throughput being halved at large batches.', [F.eagerB8]),
  interpretation('number-words', 'number-words', 'The sweep spans an order of magnitude in speed.', { facts: [F.sweep], relation: 'best' }),
  recommendation('number-words', 'number-words', 'A dozen runs per configuration would settle it.'),
  risk('number-words', 'number-words', 'Eager needs twice the time per token.', 'Measure it again.', [F.eagerB8]),
  interpretation('number-words', 'number-words', 'Serving throughput doubled on compiled.', { facts: [F.serving], relation: 'best' }),
  recommendation('number-words', 'number-words', 'Run each configuration ten times before trusting it.'),
  risk('number-words', 'number-words', 'Roughly a quarter of the runs look unusual.', 'Look at each outlier.'),
  interpretation('number-words', 'number-words', 'The gap is about fifty percent.'),
  interpretation('number-words', 'number-words', 'The effect is several-fold on this model.'),
  claim('number-words', 'relation-not-for-fact', { facts: [F.eagerB8], relation: 'halved' }),

  // Digits in other scripts and abbreviated numbers.
  interpretation('other-digits', 'digits', 'Eager now serves １５００ tokens in a burst.'),
  interpretation('other-digits', 'digits', 'The run took ١٥٠٠ tokens.'),
  recommendation('other-digits', 'digits', 'Size the hosts for 1k requests a minute.'),
  recommendation('other-digits', 'digits', 'Batch size ८ is the sweet spot.'),
  interpretation('other-digits', 'digits', 'Latency is ½ of the eager path.'),
  recommendation('other-digits', 'digits', 'Use at most ² GPUs for this model.'),
  interpretation('other-digits', 'digits', 'Stage Ⅲ of the rollout can start.'),
  interpretation('other-digits', 'digits', 'Throughput tops out near 4k.'),

  // Units swapped or added.
  interpretation('unit-swaps', 'digits', 'TTFT is 382 s on mistral.', { facts: [F.internationalTtft], relation: 'beyond-noise' }),
  interpretation('unit-swaps', 'units', 'Each token takes milliseconds on this setting.'),
  interpretation('unit-swaps', 'units', 'It reaches tokens per second in a range worth keeping.'),
  risk('unit-swaps', 'units', 'The eager latency is measured in seconds, not milliseconds.', 'Check the unit of each file.', [F.eagerB8Latency]),
  recommendation('unit-swaps', 'units', 'Budget several gigabytes of VRAM per model.'),
  interpretation('unit-swaps', 'digits', 'TTFT of 通义千问-7b sits at 2050 s.', { facts: [F.internationalTtft], relation: 'higher', subject: '通义千问-7b', object: 'mistral-7b' }),
  recommendation('unit-swaps', 'units', 'Keep TTFT under a second for chat.'),

  // Entities the data does not hold.
  interpretation('invented-entities', 'digits', 'This holds on the A100 as well.'),
  recommendation('invented-entities', 'digits', 'Try llama3:70b next.'),
  recommendation('invented-entities', 'digits', 'Pin Ollama v0.11.2 on the runners.'),
  recommendation('invented-entities', 'digits', 'Plan the rollout for the Q3 release.'),
  recommendation('invented-entities', 'names', 'Update the Nvidia drivers on the runners.'),
  recommendation('invented-entities', 'names', 'Switch to the vLLM backend for serving.'),
  interpretation('invented-entities', 'names', 'TensorRT would close the gap.'),
  interpretation('invented-entities', 'names', 'Nvidia hardware serves these runs.'),
  recommendation('invented-entities', 'names', 'Consider the Hopper cards for the serving hosts.'),
  claim('invented-entities', 'unknown-fact', { facts: ['F99'], relation: 'best', subject: 'compiled' }),
  recommendation('invented-entities', 'unknown-fact', 'Keep the runners as they are.', ['F99']),

  // Causes the data cannot show.
  interpretation('invented-causes', 'causes', 'The slowdown comes from thermal throttling.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('invented-causes', 'causes', 'This comes from memory bandwidth, because the batch is large.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('invented-causes', 'causes', 'The new scheduler caused this.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('invented-causes', 'causes', 'Kernel fusion explains the gap between backends.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('invented-causes', 'causes', 'Flash attention in the compiled path is the reason it serves more requests.', { facts: [F.serving], relation: 'best' }),
  risk('invented-causes', 'causes', 'CPU contention is the likely culprit.', 'Pin the runner to its own host.', [F.eagerB8]),
  interpretation('invented-causes', 'causes', 'Memory bandwidth is the bottleneck here.', { facts: [F.eagerB8], relation: 'regressed' }),

  // The gate's verdict contradicted, or the reader told what to do about it.
  interpretation('gate-contradictions', 'direction-words', 'No regressions were found.'),
  interpretation('gate-contradictions', 'verdict-words', 'All gated series passed.'),
  recommendation('gate-contradictions', 'verdict-words', 'This pull request is safe to merge.'),
  recommendation('gate-contradictions', 'number-words', 'Raise the threshold to ten percent for this metric.'),
  recommendation('gate-contradictions', 'verdict-words', 'Update the baseline to the new numbers.'),
  risk('gate-contradictions', 'verdict-words', 'The eager path may need more work.', 'Approve the change and watch the next run.', [F.eagerB8]),
  interpretation('gate-contradictions', 'verdict-words', 'Everything looks good for this branch.'),
  interpretation('gate-contradictions', 'verdict-words', 'The check is green.'),
  claim('gate-contradictions', 'relation-false', { facts: [F.gate], relation: 'passes' }),
  claim('gate-contradictions', 'relation-false', { facts: [F.eagerB8Latency], relation: 'fails-gate' }),
  claim('gate-contradictions', 'relation-false', { facts: [F.eagerB8], relation: 'unchanged' }, 'regression', 0),
  claim('gate-contradictions', 'relation-false', { facts: [E.gate], relation: 'fails' }, 'pass'),
  claim('gate-contradictions', 'relation-false', { facts: [E.largest], relation: 'regressed' }, 'pass'),
  recommendation('gate-contradictions', 'verdict-words', 'Hold the merge until eager is fixed.', [E.runtime], 'pass'),
  recommendation('gate-contradictions', 'verdict-words', 'Treat this run as a failure.', [], 'pass'),

  // Other languages, other scripts and words to the reader.
  interpretation('language-chatter', 'language', 'C’est tout pour cette série.'),
  recommendation('language-chatter', 'language', 'Das ist gut so.'),
  interpretation('language-chatter', 'language', 'Espero que esto ayude.'),
  interpretation('language-chatter', 'language', 'Δ throughput matters here.'),
  recommendation('language-chatter', 'chatter', 'Hope this helps!'),
  recommendation('language-chatter', 'chatter', 'Let me know if you need more detail.'),
  risk('language-chatter', 'chatter', 'Do you want me to refine this report?', 'Ask me again.'),
  interpretation('language-chatter', 'language', '该模型最快。'),
  interpretation('language-chatter', 'language', 'মডেলের গতি ভালো।'),
  recommendation('language-chatter', 'chatter', 'Okay, here is the brief.'),
  recommendation('language-chatter', 'language', 'El rendimiento del modelo es muy alto.'),

  // Model text opening Markdown structure.
  interpretation('markdown', 'markdown', '## Summary of the run'),
  recommendation('markdown', 'markdown', '- keep the eager path\n- drop the rest'),
  recommendation('markdown', 'markdown', '| backend | verdict |'),
  interpretation('markdown', 'markdown', 'See <img src=x onerror=alert(1)> here.'),
  recommendation('markdown', 'markdown', 'Read [the docs](https://evil.example) first.'),
  interpretation('markdown', 'markdown', 'Use `compiled` everywhere.'),

  // Small numbers that a label or file name used to make look grounded.
  interpretation('small-numbers', 'digits', 'Compiled is 8x faster.', { facts: [F.backend], relation: 'better', subject: 'compiled', object: 'eager' }),
  interpretation('small-numbers', 'digits', 'Batch 8 gives 6 times the throughput of batch 1.', { facts: [F.batch], relation: 'best' }),
  recommendation('small-numbers', 'digits', 'Use 2 GPUs for the sweep.', [F.sweep]),
  interpretation('small-numbers', 'digits', 'The RTX 4090 serves 200 prompts in 3 minutes.', { facts: [F.serving], relation: 'best' }),
  recommendation('small-numbers', 'digits', 'Prefer q4 over F16 for this model.'),
  risk('small-numbers', 'digits', 'Expect a 5% drop on eager.', 'Track it per run.', [F.eagerB8]),
  interpretation('small-numbers', 'digits', 'Only 3 runs were made per setting.'),

  // A second wave, from a review that wrote synonyms, symbols and invisible characters past the word lists.
  interpretation('wrong-direction', 'direction-words', 'Eager throughput sped up at large batches.'),
  interpretation('wrong-direction', 'direction-words', 'The eager path recovered on this branch.'),
  interpretation('wrong-direction', 'direction-words', 'Eager throughput did not change at large batches.'),
  interpretation('wrong-direction', 'direction-words', 'Eager throughput stayed the same.'),
  interpretation('wrong-direction', 'direction-words', 'Eager latency went down at large batches.'),
  recommendation('wrong-direction', 'symbols', 'Eager throughput ↑ at large batches.', [F.eagerB8]),
  interpretation('wrong-direction', 'direction-words', 'Eager outpaces compiled on throughput.'),
  interpretation('wrong-direction', 'direction-words', 'Eager ranks first on throughput.'),
  interpretation('wrong-direction', 'direction-words', 'Eager serves more tokens.'),
  interpretation('wrong-direction', 'symbols', 'Compiled ≪ eager on throughput.'),
  interpretation('wrong-direction', 'direction-words', 'The eager backend is speedier.'),
  interpretation('wrong-direction', 'direction-words', 'Eager responds sooner.'),
  interpretation('wrong-direction', 'direction-words', 'Adding context shortens the wait for the first token.'),
  recommendation('gate-contradictions', 'verdict-words', 'Deploy this branch as it is.'),
  interpretation('gate-contradictions', 'verdict-words', 'Everything is fine.'),
  interpretation('gate-contradictions', 'verdict-words', 'This is only noise.'),
  interpretation('gate-contradictions', 'verdict-words', 'This one is a false alarm.'),
  recommendation('gate-contradictions', 'verdict-words', 'Nothing to act on here.', [F.eagerB8]),
  interpretation('gate-contradictions', 'symbols', 'Overall ✅ for this branch.'),
  interpretation('gate-contradictions', 'symbols', 'Overall :thumbsup: from the data.'),
  recommendation('gate-contradictions', 'verdict-words', 'Avoid releasing this branch.', [], 'pass'),
  interpretation('gate-contradictions', 'verdict-words', 'The eager change is conclusive.'),
  interpretation('number-words', 'number-words', 'Compiled throughput quintupled.'),
  interpretation('number-words', 'number-words', 'Compiled serves a multiple of what eager serves.'),
  interpretation('number-words', 'number-words', 'The gap is x-fold.'),
  interpretation('number-words', 'hidden-characters', 'Compiled is twi\u200bce the speed of eager.'),
  interpretation('number-words', 'hidden-characters', 'Compiled runs at te\u034fn times the pace.'),
  interpretation('number-words', 'number-words', 'Compiled sits near the ninetieth percentile.'),
  recommendation('unit-swaps', 'units', 'Expect sub-ms latency on compiled.', [F.backend]),
  interpretation('unit-swaps', 'units', 'Users of this model get sub-second first tokens.'),
  interpretation('unit-swaps', 'units', 'Each call finishes in subsecond time.'),
  interpretation('unit-swaps', 'units', 'Compiled answers in mere millis.'),
  interpretation('unit-swaps', 'units', 'The figures are millisecond-scale.'),
  interpretation('invented-causes', 'causes', 'The new kernel made the difference.'),
  interpretation('invented-causes', 'causes', 'Kernel fusion is responsible for the gap.'),
  interpretation('invented-causes', 'causes', 'The gap comes from kernel fusion.'),
  interpretation('invented-causes', 'causes', 'A driver update triggered this.'),
  interpretation('invented-causes', 'causes', 'Launch overhead accounts for this.'),
  recommendation('invented-entities', 'names', 'Try qwen for the chat traffic.'),
  recommendation('invented-entities', 'names', 'Move the serving hosts to hopper cards.'),
  recommendation('invented-entities', 'names', 'Use flash attention in vllm.'),
  recommendation('invented-entities', 'names', 'Rebuild the engine with tensorrt.'),
  interpretation('language-chatter', 'language', 'Eager is veel sneller.'),
  interpretation('markdown', 'hidden-characters', 'Keep compiled. \u202E.retsaf si regae\u202C'),
  recommendation('markdown', 'markdown', 'Read evil dot com for the numbers.'),

  // Round K5: an audit that planted each kind of untruth a reviewer would miss, against every part of the checks.
  interpretation('wrong-entity', 'names', 'The compiled path is the one to look at first.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('wrong-entity', 'names', 'The eager path is the one to keep.', { facts: [F.compiledB1], relation: 'improved' }),
  recommendation('wrong-entity', 'names', 'Look into the compiled batch path before this change lands.', [F.eagerB8]),
  risk('wrong-entity', 'names', 'The compiled path may hide the same problem.', 'Profile compiled at this batch size.', [F.eagerB8]),
  interpretation('wrong-numbers', 'digits', 'Eager throughput fell by about seventeen to 17%.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('wrong-numbers', 'digits', 'Eager throughput fell 19.3% on this branch.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('wrong-numbers', 'digits', 'Compiled leads at 120.60 tokens each.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  claim('wrong-numbers', 'unknown-entity', { facts: [F.backend], relation: 'best', subject: 'compiled at 120.60 tok/s' }),
  claim('wrong-numbers', 'unknown-entity', { facts: [F.eagerB8], relation: 'regressed', subject: 'tokens_s (backend=eager, batch_size=8) −17%' }),
  claim('wrong-numbers', 'unknown-entity', { facts: [F.internationalTtft], relation: 'worst', subject: 'mistral-7b (2050 ms)' }),
  interpretation('wrong-numbers', 'digits', 'TTFT of 通义千问-7b is 2.05 s.', { facts: [F.internationalTtft], relation: 'higher', subject: '通义千问-7b', object: 'mistral-7b' }),
  interpretation('wrong-numbers', 'digits', 'Eager lost 17.5 pp of throughput.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('look-alikes', 'digits', 'Compiled runs at ２× the pace of eager.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  interpretation('look-alikes', 'number-words', 'Compiled is twenty\u00a0percent ahead.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  interpretation('look-alikes', 'symbols', 'Eager sits at − the compiled pace.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('look-alikes', 'units', 'Compiled serves × what eager serves.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('look-alikes', 'language', 'Compiled is f\u0430ster.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('look-alikes', 'language', 'Compiled is ｑｕｉｃｋｅｒ.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('look-alikes', 'digits', 'Eager lost 17\u00a0% of its pace.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('markup-numbers', 'markdown', 'Eager lost `17.5%` of its pace.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('markup-numbers', 'markdown', 'Eager lost [a fifth](https://example.invalid) of its pace.', { facts: [F.eagerB8], relation: 'regressed' }),
  recommendation('markup-numbers', 'markdown', '| eager | twenty |', [F.backend]),
  recommendation('markup-numbers', 'markdown', '# Eager lost a fifth', [F.backend]),
  interpretation('markup-numbers', 'markdown', 'Eager lost <b>a fifth</b> of its pace.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('markup-numbers', 'markdown', 'Eager lost *a fifth* of its pace.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('markup-numbers', 'markdown', 'Eager lost **twenty percent**.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('wrong-direction', 'direction-words', 'Eager throughput soared at large batches.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput plummeted.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput tanked on this branch.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager latency ballooned.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput dipped.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput slipped on this branch.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'The gap between the backends widened.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput worsened.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput deteriorated.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled lagged eager on throughput.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager bested compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager surpasses compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager overtook compiled on this branch.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager eclipses compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager outstrips compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager excels here.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled struggles at large batches.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager trounced compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager slashed the wait for a token.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput crashed.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled throughput collapsed.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled was beaten by eager.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled went backwards on this branch.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled takes a hit here.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager has the upper hand.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Throughput went from good to great on eager.', { facts: [F.backend], relation: 'beyond-noise' }),
  recommendation('wrong-direction', 'direction-words', 'Use eager, which is more efficient.', [F.backend]),
  recommendation('wrong-direction', 'direction-words', 'Prefer eager, as it answers in less time.', [F.backend]),
  interpretation('superlatives', 'direction-words', 'Eager is the most efficient backend.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager has the least latency of all.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager is the leanest backend.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Compiled is the weakest link.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager is the standout.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager is the front-runner.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager comes first on throughput.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager is number one.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Eager is in first place.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('superlatives', 'direction-words', 'Compiled came last.', { facts: [F.backend], relation: 'beyond-noise' }),
  claim('superlatives', 'relation-false', { facts: [F.international], relation: 'worst', subject: 'ГигаЧат-lite' }),
  claim('superlatives', 'relation-false', { facts: [F.sweep], relation: 'worst', subject: 'num_gpu=2, num_ctx=2048, temperature=1.0' }),
  interpretation('sameness', 'direction-words', 'Eager and compiled are the same.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('sameness', 'direction-words', 'Eager and compiled perform alike.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('sameness', 'direction-words', 'Eager and compiled are on a par.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('sameness', 'direction-words', 'Eager is as efficient as compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('sameness', 'direction-words', 'Eager throughput is roughly the same.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('sameness', 'direction-words', 'Eager keeps pace with compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('sameness', 'direction-words', 'Eager is level with compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  claim('sameness', 'relation-false', { facts: [F.eagerB8], relation: 'within-noise' }),
  interpretation('dismissals', 'verdict-words', 'The results are reassuring.'),
  interpretation('dismissals', 'verdict-words', 'Everything checks out.'),
  interpretation('dismissals', 'verdict-words', 'No red flags here.'),
  interpretation('dismissals', 'verdict-words', 'The branch is in good shape.'),
  interpretation('dismissals', 'verdict-words', 'The results are solid.'),
  recommendation('dismissals', 'verdict-words', 'This can land.'),
  interpretation('dismissals', 'verdict-words', 'Nothing stands out.'),
  interpretation('dismissals', 'verdict-words', 'This is a blip.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'verdict-words', 'The eager result can be ignored.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'verdict-words', 'The eager result is not a concern.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'verdict-words', 'The eager result is nothing serious.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'direction-words', 'The eager result is minor.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('tone', 'tone', 'Good news for this pull request.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('tone', 'tone', 'A welcome side effect of this pull request.', { facts: [F.eagerB8], relation: 'exceeds-threshold' }),
  interpretation('tone', 'tone', 'This is bad news for single-request serving.', { facts: [F.compiledB1], relation: 'improved' }),
  interpretation('tone', 'tone', 'Encouraging for the eager path.', { facts: [F.gate], relation: 'fails' }),
  interpretation('causal-claims', 'causes', 'This follows from the KV cache change.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'The KV cache change did this.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'The KV cache change produced this gap.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'The KV cache change brought this on.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'The KV cache change is at the root of it.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'Since the KV cache change, eager is the one to watch.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'This is because of the KV cache change.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('approximations', 'number-words', 'Compiled serves about forty tokens each.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  interpretation('approximations', 'markdown', 'Compiled is ~ twice the pace.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  interpretation('approximations', 'digits', 'Latency is between 10 and 20 ms.', { facts: [F.eagerB8Latency], relation: 'rose' }),
  interpretation('approximations', 'number-words', 'Latency is between ten and twenty.', { facts: [F.eagerB8Latency], relation: 'rose' }),
  interpretation('approximations', 'number-words', 'Latency sits in the low hundreds.', { facts: [F.eagerB8Latency], relation: 'rose' }),
  interpretation('approximations', 'markdown', 'Compiled is ~2× eager.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
  interpretation('look-alikes', 'verdict-words', 'Everything looks\u00a0good.'),
  interpretation('look-alikes', 'verdict-words', 'Everything checks\u2009out.'),
  interpretation('look-alikes', 'causes', 'This comes\u202ffrom the new kernel.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('look-alikes', 'direction-words', 'Eager is the front\u2011runner.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager is short of compiled.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager is on another level.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager leaves compiled in the dust.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled is not even close.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager is unbeatable.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Compiled is a step back.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager pulled away on this branch.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'The gap between the backends is narrow.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('dismissals', 'verdict-words', 'The eager move is just random.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'verdict-words', 'The eager move is within the margin of error.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'verdict-words', 'This is expected.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('dismissals', 'verdict-words', 'No surprises here.', { facts: [F.eagerB8], relation: 'regressed' }),
  recommendation('dismissals', 'verdict-words', 'The branch is ready.'),
  interpretation('tone', 'tone', 'A great result for this pull request.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('tone', 'tone', 'An awful result for single-request serving.', { facts: [F.compiledB1], relation: 'improved' }),
  interpretation('causal-claims', 'causes', 'This reflects the KV cache change.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('causal-claims', 'causes', 'This shows the impact of the KV cache change.', { facts: [F.eagerB8], relation: 'regressed' }),
  interpretation('approximations', 'number-words', 'A factor of a few separates the backends.', { facts: [F.backend], relation: 'beyond-noise' }),
  interpretation('wrong-direction', 'direction-words', 'Eager and compiled trade places here.', { facts: [F.backend], relation: 'beyond-noise' }),
  recommendation('wrong-direction', 'direction-words', 'Eager and compiled swap roles at large batches.', [F.backend]),
  interpretation('wrong-entity', 'names', 'ГигаЧат-lite is dead in the water.', { facts: [F.internationalTtft], relation: 'best', subject: 'mistral-7b' }),
  interpretation('approximations', 'units', 'The gap is a few points.', { facts: [F.backend], relation: 'higher', subject: 'compiled', object: 'eager' }),
];

/**
 * More clean briefs on the regression fixture, in the varied wording a model
 * following the rules might use: the false-positive measure. Written before
 * the checks were tuned against them and kept as written.
 */
export const CLEAN_EXTRA: ScriptedBrief['answer'][] = [
  {
    claims: [
      { facts: [F.eagerB8], relation: 'regressed', interpretation: 'Profile the eager runtime at this batch size before anything else.' },
      { facts: [F.compiledB1], relation: 'improved', interpretation: 'Good news for single-request latency.' },
    ],
    recommendations: [
      { text: 'Rerun the inconclusive configuration with additional samples.', facts: [F.eagerB1] },
      { text: 'Prefer the compiled backend for serving workloads.', facts: [F.backend] },
      { text: 'Track time to first token alongside throughput for chat traffic.', facts: [] },
    ],
    risks: [
      { risk: 'A single run per sweep configuration can hide noise.', mitigation: 'Repeat the key configurations a few times.', facts: [F.sweep] },
      { risk: 'Quantization may reduce answer quality.', mitigation: 'Validate outputs on a fixed prompt set before adopting it.', facts: [] },
    ],
  },
  {
    claims: [
      { facts: [F.eagerB1], relation: 'inconclusive', interpretation: 'The data cannot tell yet, so more runs are needed.' },
      { facts: [F.ctxOnTtft], relation: 'rose', interpretation: 'Long contexts cost responsiveness.' },
      { facts: [F.serving], relation: 'best', subject: 'compiled', interpretation: 'The serving numbers point the same way as the runs.' },
    ],
    recommendations: [
      { text: 'Investigate what changed in the eager path for large batches.', facts: [F.eagerB8] },
      { text: 'Keep num_ctx small for interactive use.', facts: [F.ctxOnTtft] },
      { text: 'Add a warm-up run so the first sample does not skew the mean.', facts: [] },
    ],
    risks: [
      { risk: 'The serving summary comes from one benchmark run.', mitigation: 'Collect repeated serving runs on the same host.', facts: [F.serving] },
      { risk: 'Runner noise can mask small changes.', mitigation: 'Pin runs to a dedicated machine.', facts: [] },
    ],
  },
  {
    claims: [
      { facts: [F.international], relation: 'beyond-noise', interpretation: 'The model choice matters more than tuning here.' },
      { facts: [F.gpuOnTokens], relation: 'rose', interpretation: 'Offloading layers to the GPU pays off.' },
    ],
    recommendations: [
      { text: 'Use every available GPU layer for the sweep models.', facts: [F.gpuOnTokens] },
      { text: 'Compare models on the same prompts before choosing one.', facts: [F.international] },
      { text: 'Document the hardware each run used next to its results.', facts: [] },
    ],
    risks: [
      { risk: 'Label names differ between files, which can split one model into several series.', mitigation: 'Agree on a naming scheme for models and backends.', facts: [] },
      { risk: 'The per-model file has few runs per model.', mitigation: 'Add runs until the spread is clear.', facts: [F.international] },
    ],
  },
  {
    claims: [
      { facts: [F.gate], relation: 'fails', interpretation: 'One series is responsible, so the fix should be narrow.' },
      { facts: [F.batch], relation: 'best', interpretation: 'Batching is the main lever for throughput in these runs.' },
    ],
    recommendations: [
      { text: 'Bisect the commits that touched the eager batch path.', facts: [F.eagerB8] },
      { text: 'Set up an alert on the eager configuration in nightly runs.', facts: [F.eagerB8] },
      { text: 'Review the latency series together with throughput.', facts: [] },
    ],
    risks: [
      { risk: 'Other batch sizes were not measured.', mitigation: 'Extend the run matrix with intermediate batch sizes.', facts: [F.batch] },
    ],
  },
];

/**
 * Round K5's truthful briefs on the regression fixture: the false-reject
 * measure of the round's new checks, written before the checks and kept as
 * written. Each item is true of the data and within the rules.
 */
export const CLEAN_K5: ScriptedBrief['answer'][] = [
  {
    claims: [
      { facts: [F.eagerB8], relation: 'regressed', interpretation: 'Start with the eager path at this batch size.' },
      { facts: [F.compiledB1], relation: 'improved', interpretation: 'Good news for single-request serving.' },
      { facts: [F.backend], relation: 'best', subject: 'compiled', interpretation: 'Compiled is the backend to keep for the runs that matter most.' },
      { facts: [F.ctxOnTtft], relation: 'rose', interpretation: 'Keep contexts short where the first token matters.' },
    ],
    recommendations: [
      { text: 'Run at least a few more samples of the inconclusive series.', facts: [F.eagerB1] },
      { text: 'Compare backends on the same prompts and the same hosts.', facts: [F.backend] },
      { text: 'Look at the eager batch path first.', facts: [F.eagerB8] },
    ],
    risks: [
      { risk: 'The sweep ran each setting once, so its ranking may not hold.', mitigation: 'Repeat the settings that matter most.', facts: [F.sweep] },
      { risk: 'The latest run may reflect a busy host.', mitigation: 'Rerun it on a quiet machine before acting on it.', facts: [] },
    ],
  },
  {
    claims: [
      { facts: [F.gate], relation: 'fails', interpretation: 'The eager path at large batches is the place to start.' },
      { facts: [F.international], relation: 'best', subject: 'ГигаЧат-lite', interpretation: 'ГигаЧат-lite is the model to try first for chat.' },
      { facts: [F.serving], relation: 'best', subject: 'compiled', interpretation: 'The serving summary points the same way as the runs.' },
      { facts: [F.gpuOnTokens], relation: 'rose', interpretation: 'Offloading every layer is worth it on these hosts.' },
    ],
    recommendations: [
      { text: 'Profile the most used configuration before tuning the rest.', facts: [] },
      { text: 'Serve chat traffic with the compiled backend.', facts: [F.backend] },
      { text: 'Keep the prompt set the same for every backend.', facts: [] },
    ],
    risks: [
      { risk: 'Answer quality was not scored in these files.', mitigation: 'Add a fixed evaluation set and score it with every run.', facts: [] },
      { risk: 'The first sample of each run may include model loading.', mitigation: 'Discard a warm-up run before measuring.', facts: [] },
    ],
  },
  {
    claims: [
      { facts: [F.eagerB8], relation: 'fails-gate', interpretation: 'This is the series to fix before anything else.' },
      { facts: [F.ctxOnTokens], relation: 'fell', interpretation: 'Long contexts cost throughput in this sweep.' },
      { facts: [F.internationalTtft], relation: 'worst', subject: '通义千问-7b', interpretation: 'Chat users of 通义千问-7b feel this wait.' },
      { facts: [F.batch], relation: 'best', interpretation: 'Batch size is the setting to tune first.' },
    ],
    recommendations: [
      { text: 'Keep the warm-up run out of the averages.', facts: [] },
      { text: 'Record the driver and clock settings beside each run.', facts: [] },
      { text: 'Split interactive and batch workloads when choosing a backend.', facts: [] },
    ],
    risks: [
      { risk: 'A single host ran every configuration, so host effects are mixed in.', mitigation: 'Repeat the key runs on another host.', facts: [] },
      { risk: 'The sweep covers only part of the settings space.', mitigation: 'Extend the sweep where the team plans to run.', facts: [F.sweep] },
    ],
  },
];
