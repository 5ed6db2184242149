import type { Direction } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { SeriesSet, sampledSeries, shortLabel } from './llm-shared.js';
import { firstJsonLine, isObject, jsonLines, numberOf, parsedOutcome, type JsonObject } from './util.js';

/**
 * Ollama's own timings, from two places:
 *  - `ollama run --verbose` logs: `eval rate: 66.20 tokens/s` and the other
 *    lines of the summary printed after each answer (Go duration strings);
 *  - raw `/api/generate` or `/api/chat` responses (JSON, or the NDJSON
 *    stream): the final `done: true` object's nanosecond durations and counts.
 * Every answer is one sample, grouped by model. Prompts and answers are never read.
 * Per-prompt run CSVs (`ttft_s`, `tokens_s`, …, `error`) are left to the CSV reader,
 * which already splits them by model and leaves failed rows out.
 */

interface Measure {
  metric: string;
  unit: string;
  direction: Direction;
}

/** The series every answer contributes to, in report order. */
const MEASURES: Record<string, Measure> = {
  eval_rate: { metric: 'eval_rate', unit: 'tok/s', direction: 'higher' },
  prompt_eval_rate: { metric: 'prompt_eval_rate', unit: 'tok/s', direction: 'higher' },
  // Server-side time to the first token: loading the model plus reading the prompt (no network).
  ttft: { metric: 'ttft_ms', unit: 'ms', direction: 'lower' },
  total_duration: { metric: 'total_duration_ms', unit: 'ms', direction: 'lower' },
  load_duration: { metric: 'load_duration_ms', unit: 'ms', direction: 'lower' },
  prompt_eval_duration: { metric: 'prompt_eval_duration_ms', unit: 'ms', direction: 'lower' },
  eval_duration: { metric: 'eval_duration_ms', unit: 'ms', direction: 'lower' },
  prompt_eval_count: { metric: 'prompt_eval_count', unit: 'tokens', direction: 'none' },
  eval_count: { metric: 'eval_count', unit: 'tokens', direction: 'none' },
};

type Answer = Partial<Record<keyof typeof MEASURES, number>>;

/** Adds one answer's values to the series of its model. */
function addAnswer(set: SeriesSet, answer: Answer, labels: Record<string, string>, line?: number): void {
  for (const [key, measure] of Object.entries(MEASURES)) {
    const value = answer[key];
    if (value === undefined || !Number.isFinite(value)) continue;
    const options = { unit: measure.unit, direction: measure.direction, ...(line !== undefined ? { line } : {}) };
    set.add(sampledSeries(measure.metric, labels, [value], options));
  }
}

// ---------------------------------------------------------------------------
// Go duration strings

/** Decimal exponent to ms, then a whole-number factor: `2.0001s` is read as `2.0001e3`, exactly 2000.1. */
const GO_UNITS: Record<string, [exponent: number, factor: number]> = {
  h: [3, 3600], m: [3, 60], s: [3, 1], ms: [0, 1], us: [-3, 1], µs: [-3, 1], μs: [-3, 1], ns: [-6, 1],
};

/** Go's `time.Duration` text (`1m2.5s`, `850µs`, `1.2ms`, `0s`) in milliseconds. */
export function goDurationMs(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us|µs|μs|ns))+$/.test(t)) return undefined;
  let total = 0;
  for (const match of t.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g)) {
    const [exponent, factor] = GO_UNITS[match[2] as string] as [number, number];
    total += Number(`${match[1]}e${exponent}`) * factor;
  }
  return total;
}

// ---------------------------------------------------------------------------
// `ollama run --verbose` logs

const VERBOSE_LINE = /^[ \t]*(total duration|load duration|prompt eval count|prompt eval duration|prompt eval rate|eval count|eval duration|eval rate):\s+(.+?)\s*$/;
// `$ ollama run llama3.2 --verbose`, `user@host:~$ ollama run --verbose qwen2.5:0.5b`, `#### PROMPT 1: ollama run phi < p.txt`:
// in a log of timing blocks, the command names the model of the blocks after it.
const RUN_COMMAND = /(?:^[ \t]*|[$#>%:][ \t]*)ollama[ \t]+run[ \t]+(?:-{1,2}[\w-]+(?:=\S+)?\s+)*([A-Za-z0-9][\w.\-/]*(?::[\w.\-]+)?)/;

// `Model: \`deepseek-r1:7b\``, `**Model:** qwen3:8b`, `- model = llama3.2`: a line naming the model of the blocks after it
// in notes that paste one block per model. Only a whole line of that shape, never prose.
const MODEL_LINE = /^[ \t]*(?:[-*][ \t]+)?(?:\*\*|__)?model(?:\*\*|__)?[ \t]*[:=][ \t]*(?:\*\*|__)?[ \t]*`?([A-Za-z0-9][\w.\-/]*(?::[\w.\-]+)?)`?[ \t]*(?:\*\*|__)?[ \t]*$/i;

function isVerboseLog(text: string): boolean {
  // `[ \t]`, not `\s`: with the m flag, `^\s*` would rescan every run of blank lines of a big log.
  if (!/^[ \t]*eval rate:[ \t]+[\d.]+[ \t]+tokens\/s[ \t]*$/m.test(text)) return false;
  if (/^[ \t]*(total|eval) duration:[ \t]+\S+[ \t]*$/m.test(text)) return true;
  // The rate lines alone (`ollama run --verbose … | grep "eval rate:"`): every line is a timing line.
  return text.split(/\r?\n/, 10_000).every((line) => line.trim() === '' || VERBOSE_LINE.test(line));
}

function parseVerboseLog(text: string): ParseOutcome {
  const problems = new ProblemLog();
  const set = new SeriesSet(problems);
  let model: string | undefined;
  let answer: Answer | undefined;
  let answerLine = 0;
  let answers = 0;
  const flush = () => {
    if (!answer) return;
    // Ollama omits zero lines: no load line means the model was already loaded.
    if (answer.prompt_eval_duration !== undefined) answer.ttft = (answer.load_duration ?? 0) + answer.prompt_eval_duration;
    addAnswer(set, answer, model ? { model } : {}, answerLine);
    answers += 1;
    answer = undefined;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const command = RUN_COMMAND.exec(raw) ?? MODEL_LINE.exec(raw);
    if (command) {
      flush();
      model = command[1];
      return;
    }
    const match = VERBOSE_LINE.exec(raw);
    if (!match) return;
    const key = (match[1] as string).replace(/ /g, '_') as keyof Answer;
    // Each answer's summary starts with its total duration; a repeated line also means a new answer.
    if (answer && (key === 'total_duration' || answer[key] !== undefined)) flush();
    if (!answer) {
      answer = {};
      answerLine = i + 1;
    }
    const value = match[2] as string;
    const parsed = key.endsWith('_count') ? numberOf(/^(\d+)\s*token/.exec(value)?.[1]) : key.endsWith('_rate') ? numberOf(/^([\d.]+)\s*tokens\/s$/.exec(value)?.[1]) : goDurationMs(value);
    if (parsed === undefined) problems.add(i + 1, `"${match[1]}" value "${value}" is not a ${key.endsWith('_count') ? 'token count' : key.endsWith('_rate') ? 'tokens/s rate' : 'Go duration'}; ignored`);
    else answer[key] = parsed;
  });
  flush();
  if (answers === 0) return failed('no `ollama run --verbose` timing block could be read');
  return parsedOutcome('ollama', set.series, problems, { rows: answers });
}

// ---------------------------------------------------------------------------
// /api/generate and /api/chat responses

function isResponseObject(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.model === 'string' && typeof v.done === 'boolean' && ('created_at' in v || 'response' in v || 'message' in v);
}

function isFinalResponse(v: unknown): v is JsonObject {
  return isResponseObject(v) && v.done === true && (numberOf(v.eval_count) !== undefined || numberOf(v.total_duration) !== undefined);
}

/** Nanosecond durations and counts → the answer's series (tokens/s from counts over durations). */
function answerOf(r: JsonObject): Answer {
  const ns = (key: string) => numberOf(r[key]);
  const answer: Answer = {};
  const total = ns('total_duration');
  const load = ns('load_duration');
  const promptEval = ns('prompt_eval_duration');
  const evalDuration = ns('eval_duration');
  const promptCount = numberOf(r.prompt_eval_count);
  const evalCount = numberOf(r.eval_count);
  if (total !== undefined) answer.total_duration = total / 1e6;
  if (load !== undefined) answer.load_duration = load / 1e6;
  if (promptEval !== undefined) answer.prompt_eval_duration = promptEval / 1e6;
  if (evalDuration !== undefined) answer.eval_duration = evalDuration / 1e6;
  if (promptCount !== undefined) answer.prompt_eval_count = promptCount;
  if (evalCount !== undefined) answer.eval_count = evalCount;
  if (evalCount !== undefined && evalDuration !== undefined && evalDuration > 0) answer.eval_rate = (evalCount / evalDuration) * 1e9;
  if (promptCount !== undefined && promptEval !== undefined && promptEval > 0) answer.prompt_eval_rate = (promptCount / promptEval) * 1e9;
  if (promptEval !== undefined) answer.ttft = ((load ?? 0) + promptEval) / 1e6;
  return answer;
}

/** Reads the objects of a response file: finals are samples, stream chunks are skipped, errors counted. */
function readResponses(items: { value: unknown; line?: number }[], problems = new ProblemLog()): ParseOutcome {
  const set = new SeriesSet(problems);
  let answers = 0;
  let errors = 0;
  for (const { value, line } of items) {
    if (isObject(value) && typeof value.error === 'string' && value.error.trim() !== '') {
      errors += 1;
      continue;
    }
    if (!isFinalResponse(value)) continue;
    const model = shortLabel(value.model, 200);
    addAnswer(set, answerOf(value), model ? { model } : {}, line);
    answers += 1;
  }
  if (answers === 0) {
    return errors > 0 ? failed(`every response is an error (${errors}); no timings to read`) : failed('no final response (`"done": true`) with timings: the stream may have been cut short');
  }
  return parsedOutcome('ollama', set.series, problems, { rows: answers + errors, excludedRows: errors });
}

function detect(input: AdapterInput): boolean {
  switch (input.type) {
    case 'json': {
      const doc = input.json;
      if (Array.isArray(doc)) return doc.length > 0 && doc.every(isResponseObject) && doc.some(isFinalResponse);
      return isFinalResponse(doc);
    }
    case 'jsonl':
      return isResponseObject(firstJsonLine(input.text));
    case 'text':
      return isVerboseLog(input.text);
    default:
      return false;
  }
}

function parse(input: AdapterInput): ParseOutcome {
  switch (input.type) {
    case 'json': {
      const doc = input.json;
      const items = (Array.isArray(doc) ? doc : [doc]).map((value) => ({ value }));
      return detect(input) ? readResponses(items) : skipped('not an Ollama API response: no object with "done": true and timings');
    }
    case 'jsonl': {
      const problems = new ProblemLog();
      return readResponses(jsonLines(input.text, problems), problems);
    }
    case 'text':
      return isVerboseLog(input.text) ? parseVerboseLog(input.text) : skipped('not an `ollama run --verbose` log: no "eval rate: … tokens/s" line');
    default:
      return skipped('Ollama timings are read from JSON, NDJSON or `--verbose` logs');
  }
}

export const ollamaAdapter: ToolAdapter = {
  name: 'ollama',
  types: ['json', 'jsonl', 'text'],
  detect,
  parse,
};
