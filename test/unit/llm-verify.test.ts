import { describe, expect, it } from 'vitest';
import { buildFactSheet } from '../../src/llm/facts.js';
import { describeDrops, parseAnswer, verifyAnswer, type RawAnswer } from '../../src/llm/verify.js';
import { benchReport } from '../helpers/llm.js';

const report = benchReport();
const sheet = buildFactSheet(report);

function raw(parts: Partial<RawAnswer>): RawAnswer {
  return { claims: [], recommendations: [], risks: [], ...parts };
}

function verify(parts: Partial<RawAnswer>, language = 'English') {
  return verifyAnswer(raw(parts), sheet.facts, report, language);
}

const BEST = { facts: ['F2'], relation: 'best', subject: 'gemma3:1b' };

describe('parsing the answer', () => {
  it('reads claims, recommendations and risks', () => {
    const parsed = parseAnswer(
      '{"claims":[{"facts":["F2"],"relation":"best","subject":"gemma3:1b","interpretation":"I."}],"recommendations":[{"text":"R.","facts":["F2"]}],"risks":[{"risk":"K.","mitigation":"M.","facts":[]}]}',
    );
    expect(parsed).toEqual({
      ok: true,
      value: { claims: [{ facts: ['F2'], relation: 'best', subject: 'gemma3:1b', interpretation: 'I.' }], recommendations: [{ text: 'R.', facts: ['F2'] }], risks: [{ risk: 'K.', mitigation: 'M.', facts: [] }] },
    });
  });

  it('tolerates a code fence, a fact id given as a string and recommendations given as plain strings', () => {
    expect(parseAnswer('```json\n{"claims":[{"fact":"F2","relation":"best"}],"recommendations":["Keep it."]}\n```')).toEqual({
      ok: true,
      value: { claims: [{ facts: ['F2'], relation: 'best' }], recommendations: [{ text: 'Keep it.', facts: [] }], risks: [] },
    });
  });

  it('calls prose instead of JSON invalid', () => {
    expect(parseAnswer('Okay, here is a structured performance analysis of the provided benchmark data.')).toEqual({ ok: false, reason: 'the answer was not valid JSON' });
  });

  it('calls a JSON array or an empty answer invalid', () => {
    expect(parseAnswer('[1,2]')).toEqual({ ok: false, reason: 'the answer was not a JSON object' });
    expect(parseAnswer('  ')).toEqual({ ok: false, reason: 'the answer was empty' });
  });
});

describe('checking an answer', () => {
  it('keeps a claim that holds, with its sentence written by code and what was checked', () => {
    const v = verify({ claims: [{ ...BEST, interpretation: 'The gemma3:1b model is the one to try first.' }] });
    expect(v.usable).toBe(true);
    expect(v.narrative.claims).toEqual([
      {
        facts: ['F2'],
        relation: 'best',
        subject: 'gemma3:1b',
        statement: 'gemma3:1b leads tokens_s by model at 141.90 tok/s (n=9), 1.99× gemma3:4b (71.32 tok/s); beyond the noise (p<0.001)',
        check: 'gemma3:1b 141.90 is the best of 2 levels (higher is better)',
        interpretation: 'The gemma3:1b model is the one to try first.',
      },
    ]);
    expect(v.narrative.dropped).toEqual([]);
  });

  it('stores the level as the facts name it, not as the model spelled it', () => {
    expect(verify({ claims: [{ ...BEST, subject: ' Gemma3:1B ' }] }).narrative.claims[0]?.subject).toBe('gemma3:1b');
  });

  it('drops a claim whole when its interpretation fails, and keeps the model’s words of it nowhere', () => {
    const v = verify({ claims: [{ ...BEST, interpretation: 'It is three times faster due to thermal throttling.' }] });
    expect(v.narrative.claims).toEqual([]);
    expect(v.narrative.dropped).toEqual([{ item: 'claim', index: 1, reason: 'number-words', detail: 'in its interpretation (F2 best holds)' }]);
    expect(JSON.stringify(v.narrative)).not.toContain('thermal');
    expect(v.usable).toBe(false);
  });

  it('drops each failing item whole and keeps the others as written', () => {
    const v = verify({
      claims: [BEST, { facts: ['F2'], relation: 'worst', subject: 'gemma3:1b' }],
      recommendations: [
        { text: 'Prefer gemma3:1b where quality allows.', facts: ['F2'] },
        { text: 'Use a batch size of 32.', facts: [] },
      ],
      risks: [
        { risk: 'Noise hides small changes.', mitigation: 'Keep the number of runs fixed.', facts: [] },
        { risk: 'Answer quality is not measured.', mitigation: 'Raise the threshold.', facts: [] },
      ],
    });
    expect(v.narrative.claims.map((c) => c.relation)).toEqual(['best']);
    expect(v.narrative.recommendations).toEqual([{ text: 'Prefer gemma3:1b where quality allows.', facts: ['F2'] }]);
    expect(v.narrative.risks).toEqual([{ risk: 'Noise hides small changes.', mitigation: 'Keep the number of runs fixed.', facts: [] }]);
    expect(v.narrative.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`)).toEqual(['claim 2: relation-false', 'recommendation 2: digits', 'risk 2: verdict-words']);
    expect(v.narrative.dropCounts).toEqual({ 'relation-false': 1, digits: 1, 'verdict-words': 1 });
  });

  it('lets prose use only the names of the facts its item cites', () => {
    expect(verify({ recommendations: [{ text: 'Prefer gemma3:1b where quality allows.', facts: [] }] }).narrative.dropped[0]?.reason).toBe('digits');
    expect(verify({ recommendations: [{ text: 'Prefer gemma3:1b where quality allows.', facts: ['F9'] }] }).narrative.dropped[0]?.reason).toBe('unknown-fact');
  });

  it('drops repeats and items past the caps', () => {
    const v = verify({
      claims: [BEST, BEST, ...Array.from({ length: 5 }, () => ({ facts: ['F2'], relation: 'beyond-noise' }))],
      recommendations: ['A.', 'Keep it.', 'Keep it.', 'Run it.', 'Log it.'].map((text) => ({ text, facts: [] })),
    });
    expect(v.narrative.claims.map((c) => c.relation)).toEqual(['best', 'beyond-noise']);
    expect(v.narrative.recommendations.map((r) => r.text)).toEqual(['Keep it.', 'Run it.', 'Log it.']);
    expect(v.narrative.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`)).toEqual([
      'claim 2: duplicate',
      'claim 4: duplicate',
      'claim 5: duplicate',
      'claim 6: duplicate',
      'claim 7: duplicate',
      'recommendation 1: empty',
      'recommendation 3: duplicate',
    ]);
  });

  it('drops good or bad news that its claim does not bear out: a ranking is news for neither side', () => {
    const v = verify({ claims: [{ ...BEST, interpretation: 'Good news for gemma3:1b users.' }, { facts: ['F2'], relation: 'beyond-noise' }] });
    expect(v.narrative.claims.map((c) => c.relation)).toEqual(['beyond-noise']);
    expect(v.narrative.dropped).toEqual([{ item: 'claim', index: 1, reason: 'tone', detail: 'in its interpretation (F2 best holds)' }]);
    expect(describeDrops(v.narrative.dropped)).toBe('1 item dropped: 1 claim (good or bad news its claim does not bear out)');
  });

  it('drops good or bad news in a recommendation or a risk, which no claim bears out', () => {
    const v = verify({
      claims: [BEST],
      recommendations: [{ text: 'Unfortunately gemma3:1b is the one to keep.', facts: ['F2'] }],
      risks: [{ risk: 'Answer quality is not measured.', mitigation: 'A welcome fix is an evaluation set.', facts: [] }],
    });
    expect(v.narrative.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`)).toEqual(['recommendation 1: tone', 'risk 1: tone']);
  });

  it('drops prose that names a level of a fact it does not cite, in lower case too, but not a level that is an ordinary word', () => {
    const offload = { ...sheet.facts[1]!, id: 'F3', names: ['offload', 'eager', 'off', 'on'] } as (typeof sheet.facts)[number];
    const facts = [...sheet.facts, offload];
    const v = verifyAnswer(raw({ claims: [BEST], recommendations: [{ text: 'Keep the eager path under watch.', facts: ['F2'] }, { text: 'Turn off verbose logging during the runs.', facts: [] }] }), facts, report, 'English');
    expect(v.narrative.recommendations.map((r) => r.text)).toEqual(['Turn off verbose logging during the runs.']);
    expect(v.narrative.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`)).toEqual(['recommendation 1: names']);
  });

  it('keeps recommendations and mitigations that give advice, and drops those that state something instead', () => {
    const v = verify({
      claims: [BEST],
      recommendations: [
        { text: 'The small model is on the back foot.', facts: [] },
        { text: 'For chat traffic, prefer gemma3:1b.', facts: ['F2'] },
        { text: 'Keep gemma3:1b. It is on fire.', facts: ['F2'] },
        { text: 'Agree on a naming scheme for models.', facts: [] },
      ],
      risks: [
        { risk: 'Answer quality is not measured.', mitigation: 'The allocator is the smoking gun.', facts: [] },
        { risk: 'A shared runner can add noise to a run.', mitigation: 'Pin the runs to a dedicated machine.', facts: [] },
      ],
    });
    expect(v.narrative.recommendations.map((r) => r.text)).toEqual(['For chat traffic, prefer gemma3:1b.', 'Agree on a naming scheme for models.']);
    expect(v.narrative.risks.map((r) => r.mitigation)).toEqual(['Pin the runs to a dedicated machine.']);
    expect(v.narrative.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`)).toEqual(['recommendation 1: not-advice', 'recommendation 3: not-advice', 'risk 1: not-advice']);
    expect(describeDrops(v.narrative.dropped.slice(0, 1))).toBe('1 item dropped: 1 recommendation (a statement where advice was asked for)');
  });

  it('lets the interpretation of a claim about one level state things about that level only', () => {
    const v = verify({ claims: [{ ...BEST, interpretation: 'The gemma3:4b model is on the back foot.' }, { facts: ['F2'], relation: 'worst', subject: 'gemma3:4b', interpretation: 'The gemma3:4b model is on the back foot.' }] });
    expect(v.narrative.claims.map((c) => `${c.relation} ${c.subject}`)).toEqual(['worst gemma3:4b']);
    expect(v.narrative.dropped).toEqual([{ item: 'claim', index: 1, reason: 'names', detail: 'in its interpretation (F2 best holds; it states something about a level the claim is not about)' }]);
  });

  it('writes the verdict sentence from the gate, whatever the model said', () => {
    expect(verify({ claims: [BEST] }).narrative.verdict).toBe('No baseline was asked for, so nothing is compared and nothing can fail.');
  });

  it('describes the drops in the words the report shows', () => {
    const v = verify({ claims: [{ facts: ['F2'], relation: 'worst', subject: 'gemma3:1b' }, { facts: ['F7'], relation: 'best' }], recommendations: [{ text: 'Hope this helps!', facts: [] }] });
    expect(describeDrops(v.narrative.dropped)).toBe('3 items dropped: 1 claim (a relation the data contradicts), 1 claim (cites a fact that does not exist), 1 recommendation (words to the reader)');
    expect(describeDrops([])).toBe('');
  });
});
