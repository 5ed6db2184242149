import { describe, expect, it } from 'vitest';
import { checkProse, maskNames, toneOf } from '../../src/llm/prose.js';

const NAMES = ['tokens_s', 'backend', 'compiled', 'eager', 'gemma3:4b', 'gemma3', 'RTX 4090', 'gpu=RTX 4090', 'F16', 'batch=8', '通义千问-7b', 'ГигаЧат-lite', 'run-2025-10'];

function reason(text: string, language = 'English', names: readonly string[] = NAMES): string {
  const result = checkProse(text, { names, language, maxChars: 160 });
  return result.ok ? 'ok' : result.reason;
}

describe('free prose that carries no data', () => {
  it.each([
    'Compiled kernels are the ones to keep for serving.',
    'Repeat the eager runs with more samples so the test can decide.',
    'Score answers on a fixed evaluation set next to the speed numbers.',
    'Reduce the batch for interactive use, and track TTFT per model.',
    'Quantization may reduce answer quality.',
    'Compare models on the same prompts before choosing one.',
    'The graphs runtime is the one to keep for this model.',
    'Track throughput per model rather than as an average.',
    'Double-check the runner before trusting gemma3:4b results.',
  ])('keeps "%s"', (text) => {
    expect(reason(text)).toBe('ok');
  });
});

describe('the data’s own names', () => {
  it('may use labels with digits and in any script when the cited facts hold them', () => {
    expect(reason('Serve 通义千问-7b and ГигаЧат-lite on the RTX 4090 hosts with F16 weights.')).toBe('ok');
    expect(reason('Keep run-2025-10 as the reference.')).toBe('ok');
  });

  it('may not use them when no cited fact holds them', () => {
    expect(reason('Serve ГигаЧат-lite on these hosts.', 'English', ['tokens_s'])).toBe('language');
    expect(reason('Serve F16 weights.', 'English', ['tokens_s'])).toBe('digits');
  });

  it('never takes a bare number for a name: a label value counts only whole', () => {
    expect(maskNames('batch=8 beats 8 others on RTX 4090, not 4090 alone', NAMES)).toBe('\uE000 beats 8 others on \uE000, not 4090 alone');
  });
});

describe('what free prose may not carry', () => {
  it.each([
    ['digits', 'Throughput improved by 2.3% on this branch.'],
    ['digits', 'Eager serves １５００ tokens in a burst.'],
    ['digits', 'The run took ١٥٠٠ tokens.'],
    ['digits', 'Size the hosts for 1k requests.'],
    ['digits', 'Latency is ½ of the eager path.'],
    ['digits', 'Compiled is 8x faster.'],
    ['number-words', 'Compiled is three times the speed of eager.'],
    ['number-words', 'Eager throughput was halved.'],
    ['number-words', 'The sweep spans an order of magnitude.'],
    ['number-words', 'A dozen runs would settle it.'],
    ['number-words', 'The effect is several-fold.'],
    ['number-words', 'One series is responsible.'],
    ['units', 'Each token takes milliseconds here.'],
    ['units', 'It reaches tokens per second worth keeping.'],
    ['units', 'Budget several gigabytes of VRAM.'],
    ['dates', 'Plan the rollout for November.'],
    ['verdict-words', 'This pull request is safe to merge.'],
    ['verdict-words', 'All gated series passed.'],
    ['verdict-words', 'Update the baseline to the new numbers.'],
    ['verdict-words', 'Everything looks good for this branch.'],
    ['causes', 'The slowdown comes from thermal throttling.'],
    ['causes', 'This is because the batch is large.'],
    ['causes', 'Memory bandwidth is the bottleneck here.'],
    ['direction-words', 'No regressions were found.'],
    ['direction-words', 'The eager path held steady.'],
    ['direction-words', 'Latency is stable across the board.'],
    ['direction-words', 'Compiled is the faster backend.'],
    ['direction-words', 'The model choice matters more than tuning here.'],
    ['direction-words', 'Eager throughput decreased.'],
    ['direction-words', 'Larger batches improve throughput.'],
    ['names', 'Update the Nvidia drivers on the runners.'],
    ['names', 'Switch to the vLLM backend for serving.'],
    ['names', 'TensorRT would close the gap.'],
    ['names', 'Nvidia hardware serves these runs.'],
    ['names', 'Read config.yaml before the next run.'],
    ['chatter', 'Hope this helps!'],
    ['chatter', 'Let me know if you need more detail.'],
    ['chatter', 'Do you want me to refine this report?'],
    ['chatter', 'I would keep the eager path.'],
    ['markdown', '## Summary of the run'],
    ['markdown', '- keep the eager path'],
    ['markdown', 'See <img src=x> here.'],
    ['markdown', 'Read [the docs](https://evil.example) first.'],
    ['markdown', 'Keep eager.\nDrop the rest.'],
    ['markdown', 'Use `compiled` everywhere.'],
  ])('drops %s: "%s"', (expected, text) => {
    expect(reason(text)).toBe(expected);
  });

  it('drops text over the length cap and text without words', () => {
    expect(reason(`Keep ${'the eager path '.repeat(12)}under watch.`)).toBe('too-long');
    expect(reason(' … ')).toBe('empty');
  });
});

describe('language', () => {
  it.each(['C’est tout pour cette série.', 'Das ist gut so.', 'Espero que esto ayude.', 'El rendimiento del modelo es muy alto.', 'Δ throughput matters here.', '该模型最快。', 'মডেলের গতি ভালো।'])(
    'drops "%s" when English is configured',
    (text) => {
      expect(reason(text)).toBe('language');
    },
  );

  it('accepts the configured language and its script', () => {
    expect(reason('Пропускная способность модели важна.', 'ru')).toBe('ok');
    expect(reason('Die Messreihe für größere Modelle wiederholen.', 'German')).toBe('ok');
  });

  it('checks no script for a language it does not know', () => {
    expect(reason('মডেলের গতি ভালো।', 'Klingon')).toBe('ok');
  });
});

describe('labels that read as claims', () => {
  it('are not masked, so a level named "no regressions" cannot carry those words into prose', () => {
    expect(reason('Keep no regressions as the reference.', 'English', ['no regressions', 'tokens_s'])).toBe('direction-words');
    expect(reason('Keep all tests passed as the reference.', 'English', ['all tests passed'])).toBe('verdict-words');
  });

  it('are not masked when a single word, while a name that only contains one stays nameable', () => {
    expect(reason('Compiled is faster.', 'English', ['faster', 'compiled'])).toBe('direction-words');
    expect(reason('Keep faster-whisper for transcription.', 'English', ['faster-whisper'])).toBe('ok');
  });
});

describe('round K5: untruths written without a listed word', () => {
  it.each([
    ['direction-words', 'Eager throughput soared.'],
    ['direction-words', 'Compiled throughput plummeted.'],
    ['direction-words', 'Compiled throughput tanked on this branch.'],
    ['direction-words', 'The gap between the backends widened.'],
    ['direction-words', 'Compiled lagged eager on throughput.'],
    ['direction-words', 'Eager overtook compiled.'],
    ['direction-words', 'Compiled was beaten by eager.'],
    ['direction-words', 'Compiled went backwards on this branch.'],
    ['direction-words', 'Eager has the upper hand.'],
    ['direction-words', 'Throughput went from good to great.'],
  ])('drops a direction in other words (%s): "%s"', (expected, text) => {
    expect(reason(text)).toBe(expected);
  });

  it.each(['Eager is the most efficient backend.', 'Eager has the least latency of all.', 'Eager is the leanest backend.', 'Eager is the standout.', 'Eager is the front-runner.', 'Eager comes first on throughput.', 'Eager is number one.', 'Eager is in first place.', 'Compiled came last.', 'Compiled is the weakest link.'])(
    'drops a superlative or a rank no claim checked: "%s"',
    (text) => {
      expect(reason(text)).toBe('direction-words');
    },
  );

  it.each(['Eager and compiled are the same.', 'Eager and compiled perform alike.', 'Eager and compiled are on a par.', 'Eager is as efficient as compiled.', 'Eager throughput is roughly the same.', 'Eager keeps pace with compiled.', 'Eager is level with compiled.'])(
    'drops sameness, a comparison no claim checked: "%s"',
    (text) => {
      expect(reason(text)).toBe('direction-words');
    },
  );

  it('drops a comparison tucked into advice, and keeps advice that asks for more of something', () => {
    expect(reason('Use eager, which is more efficient.')).toBe('direction-words');
    expect(reason('Prefer eager, as it answers in less time.')).toBe('direction-words');
    expect(reason('Run more samples of eager.')).toBe('ok');
    expect(reason('Use fewer layers on the small hosts.')).toBe('ok');
  });

  it('drops a size judged without a number', () => {
    expect(reason('The eager result is minor.')).toBe('direction-words');
  });

  it.each(['The results are reassuring.', 'Everything checks out.', 'No red flags here.', 'The branch is in good shape.', 'The results are solid.', 'This can land.', 'Nothing stands out.', 'This is a blip.', 'The eager result can be ignored.', 'The eager result is not a concern.', 'The eager result is nothing serious.', 'This is a one-off.'])(
    'drops a result dismissed or the branch cleared in other words: "%s"',
    (text) => {
      expect(reason(text)).toBe('verdict-words');
    },
  );

  it.each(['This follows from the KV cache change.', 'The KV cache change did this.', 'The KV cache change produced this gap.', 'The KV cache change brought this on.', 'The KV cache change is at the root of it.'])(
    'drops a cause stated without a listed word: "%s"',
    (text) => {
      expect(reason(text)).toBe('causes');
    },
  );

  it('drops a gap in points, a unit without a digit', () => {
    expect(reason('The gap is a few points.')).toBe('units');
    expect(reason('Eager lost several percentage points.')).toBe('number-words');
  });

  it.each([
    'Run at least a few more samples of the inconclusive series.',
    'Repeat the settings that matter most.',
    'Compare backends on the same prompts and the same hosts.',
    'The latest run may reflect a busy host.',
    'Profile the most used configuration before tuning the rest.',
    'Keep the prompt set the same for every backend.',
    'The serving summary points the same way as the runs.',
    'Look into the eager batch path before this change lands.',
  ])('keeps the true sentence "%s"', (text) => {
    expect(reason(text)).toBe('ok');
  });

  it('does not mask a label that reads as a verdict phrase, so the model cannot clear the branch through it', () => {
    expect(reason('The looks good series is the one to keep.', 'English', ['looks good'])).toBe('verdict-words');
    expect(reason('Keep checks out as the reference.', 'English', ['checks out'])).toBe('verdict-words');
  });
});

describe('round K5, second wave: spaces, idioms and explanations', () => {
  it('reads other spaces and hyphens as plain ones, so a listed phrase cannot be split past the lists', () => {
    expect(reason('Everything looks\u00a0good.')).toBe('verdict-words');
    expect(reason('Everything checks\u2009out.')).toBe('verdict-words');
    expect(reason('This comes\u202ffrom the new kernel.')).toBe('causes');
    expect(reason('Eager is the front\u2011runner.')).toBe('direction-words');
    expect(checkProse('Keep\u00a0eager under watch.', { names: NAMES, language: 'English', maxChars: 160 })).toEqual({ ok: true, text: 'Keep eager under watch.' });
  });

  it.each(['Eager is short of compiled.', 'Eager is on another level.', 'Eager leaves compiled in the dust.', 'Compiled is not even close.', 'Eager is unbeatable.', 'Compiled is a step back.', 'Eager pulled away.', 'The gap between the backends is narrow.'])(
    'drops an idiom of rank or distance: "%s"',
    (text) => {
      expect(reason(text)).toBe('direction-words');
    },
  );

  it.each(['The eager move is just random.', 'The eager move is within the margin of error.', 'This is expected.', 'No surprises here.', 'The branch is ready.', 'The numbers are good.'])('drops a result explained away or the branch cleared: "%s"', (text) => {
    expect(reason(text)).toBe('verdict-words');
  });

  it('drops a cause stated as what a result reflects or shows the impact of, and keeps a risk that may reflect something', () => {
    expect(reason('This reflects the KV cache change.')).toBe('causes');
    expect(reason('This shows the impact of the KV cache change.')).toBe('causes');
    expect(reason('The latest run may reflect a busy host.')).toBe('ok');
  });

  it.each([
    'Make sure the prompts are the same for every backend.',
    'Use compiled when the batch is large.',
    'Check the warm-up behaves as expected.',
    'Confirm the host is ready.',
    'Measure the impact of quantization on quality.',
    'Repeat the sweep as often as needed.',
    'Run the warm-up as early as possible.',
    'Take great care with the warm-up.',
    'Large contexts can leave the GPU short of memory.',
    'Add another level of caching.',
  ])('keeps advice that asks for a state or sets a condition: "%s"', (text) => {
    expect(reason(text)).toBe('ok');
  });

  it('judges the same words where a sentence states them', () => {
    expect(reason('Eager behaves as expected.')).toBe('verdict-words');
    expect(reason('Eager and compiled are the same.')).toBe('direction-words');
    expect(reason('Run it again; the result is minor.')).toBe('direction-words');
    expect(reason('Eager falls short of compiled.')).toBe('direction-words');
  });

  it('drops a factor written in words', () => {
    expect(reason('A factor of a few separates the backends.')).toBe('number-words');
  });
});

describe('round K5, held-out set: untruths written after the first two waves (18 of 40 got through before the third)', () => {
  const RIVALS = [['compiled', 'eager']];
  const held = (text: string) => {
    const result = checkProse(text, { names: NAMES, rivals: RIVALS, language: 'English', maxChars: 160 });
    return result.ok ? 'ok' : result.reason;
  };

  it.each([
    ['direction-words', 'Compiled wipes the floor with eager.'],
    ['direction-words', 'Eager is a clear notch below compiled.'],
    ['direction-words', 'Compiled is streets ahead.'],
    ['direction-words', 'Eager is playing catch-up.'],
    ['direction-words', 'Compiled edges it.'],
    ['direction-words', 'Eager bounced back on this branch.'],
    ['direction-words', 'Compiled throughput nosedived.'],
    ['direction-words', 'Eager latency crept in the wrong way.'],
    ['direction-words', 'Compiled has a commanding position.'],
    ['direction-words', 'Eager is trailing badly.'],
    ['number-words', 'Eager is the clear laggard of the pair.'],
    ['direction-words', 'Compiled is top of the class.'],
    ['direction-words', 'Compiled is king here.'],
    ['direction-words', 'Eager is the runner-up.'],
    ['direction-words', 'Compiled takes the crown.'],
    ['verdict-words', 'The change is nothing to write home about.'],
    ['verdict-words', 'There is no cause for alarm.'],
    ['verdict-words', 'The team can relax.'],
    ['verdict-words', 'This pull request is clean.'],
    ['verdict-words', 'Nothing here warrants attention.'],
    ['verdict-words', 'Ship it.'],
    ['verdict-words', 'This is good enough to go in.'],
    ['direction-words', 'The regression is cosmetic.'],
    ['direction-words', 'The regression is an artefact of the runner.'],
    ['direction-words', 'The dip is a measurement artefact.'],
    ['direction-words', 'The allocator rewrite made compiled quicker.'],
    ['chatter', 'Thanks to the new scheduler, eager recovers.'],
    ['direction-words', 'The new scheduler gives compiled its lead.'],
    ['direction-words', 'It is the kernel update that hurt eager.'],
    ['causes', 'Fusing the kernels did the trick.'],
    ['number-words', 'Eager gives roughly a fifth less.'],
    ['number-words', 'Compiled runs in half the time.'],
    ['direction-words', 'Compiled answers in a blink.'],
    ['units', 'Eager takes ages per token.'],
    ['direction-words', 'Compiled is an order quicker.'],
    ['direction-words', 'Compiled and eager are neck and neck.'],
    ['direction-words', 'Eager and compiled are tied.'],
    ['direction-words', 'There is no real gap between the backends.'],
    ['direction-words', 'The backends are interchangeable on speed.'],
    ['direction-words', 'Eager is every bit as quick as compiled.'],
  ])('drops %s: "%s"', (expected, text) => {
    expect(held(text)).toBe(expected);
  });

  it('drops a sentence that states something about two levels of one fact, which only a checked claim may compare, and keeps advice naming both', () => {
    expect(held('Compiled wipes the floor with eager.')).toBe('direction-words');
    expect(held('Compare eager and compiled on the same prompts.')).toBe('ok');
  });

  it.each([
    'Rerun the eager configuration on a quiet host before acting on it.',
    'Pin the driver version across the runners.',
    'Keep the batch setting fixed while comparing backends.',
    'Record the prompt set next to each result.',
    'Answer quality is not part of these files.',
    'Watch the eager path in the nightly runs.',
    'Profile the eager path at this batch size.',
    'Compiled is the backend to keep for serving.',
    'Check whether the runner was shared during the run.',
    'Add a warm-up pass before measuring.',
    'Use the same prompts for every model.',
    'Choose the batch setting per workload.',
    'Split latency and throughput goals per use case.',
    'Treat the sweep as a starting point.',
    'Keep an eye on memory with long contexts.',
    'Measure answer quality next to speed.',
    'Include the hardware in the run labels.',
    'Schedule the sweep on a dedicated machine.',
    'Look at the eager path first.',
  ])('keeps the held-out true sentence "%s"', (text) => {
    expect(held(text)).toBe('ok');
  });
});

describe('names of facts the item does not cite', () => {
  it('drop a level put on another series even in lower case, where it passes for a word', () => {
    const ctx = { names: ['eager', 'tokens_s'], otherNames: ['compiled'], language: 'English', maxChars: 160 };
    expect(checkProse('The compiled path is the one to look at first.', ctx)).toEqual({ ok: false, reason: 'names' });
    expect(checkProse('The eager path is the one to look at first.', ctx)).toEqual({ ok: true, text: 'The eager path is the one to look at first.' });
  });
});

describe('good and bad news', () => {
  it('is read from the words that judge it', () => {
    expect(toneOf('Good news for single-request serving.')).toBe('good');
    expect(toneOf('A welcome side effect of this pull request.')).toBe('good');
    expect(toneOf('Unfortunately the eager path is the one to watch.')).toBe('bad');
    expect(toneOf('A great result for compiled.')).toBe('good');
    expect(toneOf('An awful result for eager.')).toBe('bad');
    expect(toneOf('Good news, and a setback too.')).toBe('mixed');
    expect(toneOf('Start with the eager path.')).toBeUndefined();
  });
});
