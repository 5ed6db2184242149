import { describe, expect, it } from 'vitest';
import { buildFactSheet } from '../../src/llm/facts.js';
import { DEFAULT_NUM_PREDICT, DEFAULT_PERSONA, preparePrompt, responseSchema, sizeContext, systemPrompt } from '../../src/llm/prompt.js';
import { estimateTokens } from '../../src/llm/tokens.js';
import { benchReport } from '../helpers/llm.js';

describe('prompt', () => {
  it('puts the persona first, then the rules in the configured language', () => {
    const text = systemPrompt('You are a terse reviewer.', 'German');
    expect(text.startsWith('You are a terse reviewer.\n\nRules:\n')).toBe(true);
    expect(text).toContain('- Write in German only.');
    expect(text).toContain('- Do not write dates or years');
    expect(text).toContain('- Do not ask the reader questions');
  });

  it('sends the fact sheet as the user message and counts both messages in the prompt estimate', () => {
    const sheet = buildFactSheet(benchReport());
    const prompt = preparePrompt(sheet, DEFAULT_PERSONA, 'English', {});
    const [system, user] = prompt.messages;
    expect(system?.role).toBe('system');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain(sheet.text);
    expect(prompt.promptTokens).toBe(estimateTokens(system?.content ?? '') + estimateTokens(user?.content ?? ''));
  });

  it('asks for a summary, findings citing fact ids from the sheet, exactly three recommendations and at least two risks', () => {
    const schema = responseSchema(['F1', 'F2']) as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(schema.required).toEqual(['executive_summary', 'key_findings', 'recommendations', 'risks']);
    expect(schema.properties.recommendations).toMatchObject({ minItems: 3, maxItems: 3 });
    expect(schema.properties.risks).toMatchObject({ minItems: 2 });
    expect(schema.properties.key_findings).toMatchObject({ items: { properties: { facts: { items: { type: 'string', enum: ['F1', 'F2'] } } } } });
  });
});

describe('context size', () => {
  it('raises a num_ctx too small for the prompt and says from what', () => {
    expect(sizeContext({ num_ctx: 256, temperature: 0.6 }, 900)).toEqual({ options: { num_ctx: 2048, num_predict: 700, temperature: 0.6 }, raisedFrom: 256 });
  });

  it('rounds a raised window up to a multiple of 512 that holds prompt, num_predict and a margin', () => {
    // 3000 + 700 + 256 = 3956 → 4096
    expect(sizeContext({ num_ctx: 2048 }, 3000)).toEqual({ options: { num_ctx: 4096, num_predict: 700 }, raisedFrom: 2048 });
  });

  it('keeps a window that is large enough', () => {
    expect(sizeContext({ num_ctx: 8192 }, 900)).toEqual({ options: { num_ctx: 8192, num_predict: 700 } });
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
