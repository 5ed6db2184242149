import { describe, expect, it } from 'vitest';
import { buildFactSheet } from '../../src/llm/facts.js';
import { DEFAULT_NUM_PREDICT, DEFAULT_PERSONA, preparePrompt, responseSchema, sizeContext, systemPrompt, userPrompt } from '../../src/llm/prompt.js';
import { estimateTokens } from '../../src/llm/tokens.js';
import { benchReport } from '../helpers/llm.js';

describe('prompt', () => {
  it('puts the persona first, then the rules in the configured language', () => {
    const text = systemPrompt('You are a terse reviewer.', 'German');
    expect(text.startsWith('You are a terse reviewer.\n\nRules:\n')).toBe(true);
    expect(text).toContain('"recommendations" and "risks" are plain words in German. They carry no data: no digits, no numbers in words, no units, no dates');
    expect(text).toContain('- Do not ask questions or address the reader');
  });

  it('lists the relations each kind of fact takes', () => {
    const text = systemPrompt(DEFAULT_PERSONA, 'English');
    expect(text).toContain('  change: rose, fell, improved, regressed, unchanged, inconclusive, exceeds-threshold, fails-gate, largest-change, beyond-noise, within-noise, higher, lower, better, worse');
    expect(text).toContain('  ranking: best, worst, beyond-noise, within-noise, higher, lower, better, worse');
  });

  it('sends the facts as the user message and counts both messages in the prompt estimate', () => {
    const sheet = buildFactSheet(benchReport());
    const prompt = preparePrompt(sheet, DEFAULT_PERSONA, 'English', {});
    const [system, user] = prompt.messages;
    expect(system?.role).toBe('system');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain(sheet.text);
    expect(prompt.promptTokens).toBe(estimateTokens(system?.content ?? '') + estimateTokens(user?.content ?? ''));
  });

  it('says how many findings and changes did not fit', () => {
    const sheet = { ...buildFactSheet(benchReport()), omitted: { findings: 4, changes: 2 } };
    expect(userPrompt(sheet)).toContain('\n(2 more changes and 4 more findings are in the report but not listed here.)\n');
  });

  it('asks for claims citing fact ids and relations from closed sets, and capped prose', () => {
    const schema = responseSchema(['F1', 'F2']) as { properties: Record<string, { items: { properties: Record<string, unknown> }; maxItems: number }>; required: string[] };
    expect(schema.required).toEqual(['claims', 'recommendations', 'risks']);
    expect(schema.properties.claims?.maxItems).toBe(5);
    expect(schema.properties.claims?.items.properties.facts).toEqual({ type: 'array', minItems: 1, maxItems: 2, items: { type: 'string', enum: ['F1', 'F2'] } });
    expect(schema.properties.claims?.items.properties.relation).toMatchObject({ enum: expect.arrayContaining(['best', 'fell', 'fails-gate', 'within-noise']) });
    expect(schema.properties.claims?.items.properties.interpretation).toEqual({ type: 'string', maxLength: 120 });
    expect(schema.properties.recommendations?.maxItems).toBe(3);
    expect(schema.properties.risks?.maxItems).toBe(2);
  });
});

describe('context size', () => {
  it('raises a num_ctx too small for the prompt and says from what', () => {
    expect(sizeContext({ num_ctx: 256, temperature: 0.6 }, 900)).toEqual({ options: { num_ctx: 2048, num_predict: 600, temperature: 0.6 }, raisedFrom: 256 });
  });

  it('rounds a raised window up to a multiple of 512 that holds prompt, num_predict and a margin', () => {
    // 3000 + 600 + 256 = 3856 → 4096
    expect(sizeContext({ num_ctx: 2048 }, 3000)).toEqual({ options: { num_ctx: 4096, num_predict: 600 }, raisedFrom: 2048 });
  });

  it('keeps a window that is large enough', () => {
    expect(sizeContext({ num_ctx: 8192 }, 900)).toEqual({ options: { num_ctx: 8192, num_predict: 600 } });
  });

  it('caps the answer at 600 output tokens unless the user asks otherwise', () => {
    expect(DEFAULT_NUM_PREDICT).toBe(600);
  });

  it('sets num_ctx when none was given, without calling it raised', () => {
    expect(sizeContext({}, 100)).toEqual({ options: { num_ctx: 2048, num_predict: DEFAULT_NUM_PREDICT } });
  });

  it("sizes for the user's num_predict when one is given", () => {
    expect(sizeContext({ num_predict: 2000 }, 1000)).toEqual({ options: { num_ctx: 3584, num_predict: 2000 } });
  });

  it('records the raise on the prepared prompt', () => {
    const prompt = preparePrompt(buildFactSheet(benchReport()), DEFAULT_PERSONA, 'English', { num_ctx: 256 });
    expect(prompt.numCtxRaisedFrom).toBe(256);
    expect(prompt.options.num_ctx).toBe(2048);
  });
});
