import type { Fact, NarrativeContent, Removals } from '../model/llm.js';

/** The model's answer as parsed, before verification. */
export interface RawNarrative {
  executiveSummary: string;
  findings: { text: string; facts: string[] }[];
  recommendations: string[];
  risks: { risk: string; mitigation: string }[];
}

export type ParsedAnswer = { ok: true; value: RawNarrative } | { ok: false; reason: string };

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function factIds(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter(Boolean);
  return list(value).filter((v): v is string => typeof v === 'string');
}

/**
 * The answer as JSON in the requested shape. A code fence around it is
 * tolerated (models add one even with `format`); anything else that is not a
 * JSON object is invalid.
 */
export function parseAnswer(content: string): ParsedAnswer {
  const text = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: text.length === 0 ? 'the answer was empty' : 'the answer was not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'the answer was not a JSON object' };
  const o = data as Record<string, unknown>;
  return {
    ok: true,
    value: {
      executiveSummary: str(o.executive_summary),
      findings: list(o.key_findings).map((f) => {
        const item = (typeof f === 'object' && f !== null ? f : { text: f }) as Record<string, unknown>;
        return { text: str(item.text), facts: factIds(item.facts) };
      }),
      recommendations: list(o.recommendations).map((r) =>
        typeof r === 'object' && r !== null ? str((r as Record<string, unknown>).text ?? (r as Record<string, unknown>).recommendation) : str(r),
      ),
      risks: list(o.risks).map((r) => {
        const item = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
        return { risk: str(item.risk), mitigation: str(item.mitigation) };
      }),
    },
  };
}

// ---------------------------------------------------------------- numbers

/** A number the facts allow, with the tolerance its own precision needs. */
interface Allowed {
  value: number;
}

/**
 * Every number a sentence may contain: fact values, spreads, baselines,
 * changes as percentages (−0.152 → 15.2), ms values also in seconds, and the
 * digits inside the facts' own names (a label "270m", a file "run_3.csv").
 */
export function allowedNumbers(facts: readonly Fact[]): Allowed[] {
  const out: number[] = [];
  const add = (v: number | null | undefined) => {
    if (v !== null && v !== undefined && Number.isFinite(v)) out.push(Math.abs(v));
  };
  for (const f of facts) {
    add(f.value);
    add(f.n);
    add(f.sd);
    add(f.cv);
    add(f.baseValue);
    add(f.headValue);
    if (f.change !== undefined && f.change !== null) add(f.change * 100);
    if (f.unit === 'ms') add(f.value / 1000);
    if (f.unit === 's') add(f.value * 1000);
    for (const m of f.subject.matchAll(/\d+(?:\.\d+)?/g)) add(Number(m[0]));
    if (f.series) for (const m of `${f.series.metric} ${Object.values(f.series.labels).join(' ')}`.matchAll(/\d+(?:\.\d+)?/g)) add(Number(m[0]));
  }
  return out.map((value) => ({ value }));
}

// A number standing on its own: not inside an identifier (gemma3, F12, p95,
// v2.1, run-3, a/b/10) and not part of a longer number.
// A hyphen after a letter joins an identifier ("llama-3"); after a space it is a
// sign ("-15.2%") and between digits a range ("15-20%"), both checked.
// The exponent belongs to the number: the sheet shows values under 1e-6 as
// "1.50e-7" (toPrecision), and "1.5e9" must not pass as an allowed 1.5.
const NUMBER = /(?<![\p{L}\p{N}_./:#\\])(?<!\p{L}-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([-+−]?\d+)(?![\p{L}\p{N}]))?/gu;

/** "41.2" matches 41.18 (shown to one decimal); "15%" matches a change of −0.152; "1.50e-7" matches 1.5e-7. */
export function numberMatches(token: string, allowed: readonly Allowed[]): boolean {
  const [mantissa = '', exponent = '0'] = token.replace(/,/g, '').replace('−', '-').split(/e/i);
  const [whole = '', fraction = ''] = mantissa.split('.');
  const x = Number(`${whole}${fraction ? `.${fraction}` : ''}e${exponent}`);
  // Half a unit of the last digit shown, with room for floating-point error.
  const tolerance = 10 ** (Number(exponent) - fraction.length) * (0.5 * (1 + 1e-9) + 1e-12);
  return allowed.some((a) => Math.abs(a.value - x) <= tolerance);
}

/** The numbers standing on their own in `text`, as written ("1,234", "15.2", "1.50e-7"). */
function numberTokens(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => `${m[1]}${m[2] ?? ''}${m[3] !== undefined ? `e${m[3]}` : ''}`);
}

/** Numbers in `sentence` that no fact holds. */
export function unmatchedNumbers(sentence: string, allowed: readonly Allowed[]): string[] {
  return numberTokens(sentence).filter((token) => !numberMatches(token, allowed));
}

/**
 * The facts a finding rests on. A model may cite F1 while quoting the numbers
 * of F7: the report shows the cited facts' values under the finding, so they
 * must be the ones its numbers come from. When every number matches a cited
 * fact the citation stands; otherwise each number is traced to the fact it
 * matches (a cited one first, else the first in sheet order, the most
 * important) and those replace the citation. Findings without numbers keep theirs.
 */
export function groundCitations(text: string, cited: readonly string[], perFact: ReadonlyMap<string, Allowed[]>): { facts: string[]; corrected: boolean } {
  const tokens = numberTokens(text);
  const supports = (id: string, token: string) => numberMatches(token, perFact.get(id) ?? []);
  if (tokens.every((t) => cited.some((id) => supports(id, t)))) return { facts: [...cited], corrected: false };
  const traced = tokens.map((t) => cited.find((id) => supports(id, t)) ?? [...perFact.keys()].find((id) => supports(id, t)));
  const facts = [...new Set(traced.filter((id): id is string => id !== undefined))];
  return facts.length > 0 ? { facts, corrected: true } : { facts: [...cited], corrected: false };
}

// ---------------------------------------------------------------- dates

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_PATTERNS = [
  /(?<!\d)(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)/g,
  /(?<!\d)(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}(?!\d)/g,
  new RegExp(`\\b${MONTH}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:19|20)\\d{2}\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(?:19|20)\\d{2}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'g'),
  // A bare year: the old system dated its reports 2023.
  /(?<![\p{L}\p{N}_./:#\\])(?<![\p{L}\p{N}]-)(?:19|20)\d{2}(?![\p{N}])(?!\.\d)/gu,
];

/**
 * Dates and years in `sentence` that do not appear in the fact sheet; one
 * entry per date, however many patterns its parts match ("November 15, 2023"
 * is one date, not a month-day and a year).
 */
export function inventedDates(sentence: string, sheetText: string): string[] {
  const spans: [number, number][] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      if (!sheetText.includes(m[0])) spans.push([m.index, m.index + m[0].length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: string[] = [];
  let end = -1;
  for (const [from, to] of spans) {
    if (from < end) {
      end = Math.max(end, to);
      continue;
    }
    out.push(sentence.slice(from, to));
    end = to;
  }
  return out;
}

// ---------------------------------------------------------------- language

const SCRIPTS: Record<string, string[]> = {
  latin: ['english', 'en', 'french', 'fr', 'german', 'de', 'spanish', 'es', 'portuguese', 'pt', 'italian', 'it', 'dutch', 'nl', 'polish', 'pl', 'czech', 'cs', 'swedish', 'sv', 'danish', 'da', 'norwegian', 'no', 'nb', 'finnish', 'fi', 'turkish', 'tr', 'indonesian', 'id', 'vietnamese', 'vi', 'romanian', 'ro'],
  cyrillic: ['russian', 'ru', 'ukrainian', 'uk', 'bulgarian', 'bg', 'serbian', 'sr'],
  han: ['chinese', 'zh', 'mandarin'],
  japanese: ['japanese', 'ja'],
  hangul: ['korean', 'ko'],
  bengali: ['bengali', 'bangla', 'bn'],
  devanagari: ['hindi', 'hi', 'marathi', 'mr', 'nepali', 'ne'],
  arabic: ['arabic', 'ar', 'persian', 'fa', 'urdu', 'ur'],
  greek: ['greek', 'el'],
  hebrew: ['hebrew', 'he'],
  thai: ['thai', 'th'],
};

const SCRIPT_TEST: Record<string, RegExp> = {
  latin: /\p{Script=Latin}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  han: /\p{Script=Han}/u,
  japanese: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  hangul: /\p{Script=Hangul}/u,
  bengali: /\p{Script=Bengali}/u,
  devanagari: /\p{Script=Devanagari}/u,
  arabic: /\p{Script=Arabic}/u,
  greek: /\p{Script=Greek}/u,
  hebrew: /\p{Script=Hebrew}/u,
  thai: /\p{Script=Thai}/u,
};

/** The script a configured language is written in; undefined when we do not know the language. */
export function scriptOf(language: string): string | undefined {
  const key = language.trim().toLowerCase().split(/[-_\s]/)[0] ?? '';
  return Object.keys(SCRIPTS).find((script) => SCRIPTS[script]?.includes(key));
}

function isEnglish(language: string): boolean {
  const key = language.trim().toLowerCase();
  return key === 'english' || key === 'en' || key.startsWith('en-') || key.startsWith('en_');
}

// Letters of no particular script, such as the micro sign µ.
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Letters outside the language's script. Latin is always accepted (metric
 * names and units are Latin) and so is Greek (µ, σ, Δ in technical text).
 */
function hasForeignScript(sentence: string, script: string): boolean {
  const own = SCRIPT_TEST[script] as RegExp;
  for (const ch of sentence.matchAll(/\p{L}/gu)) {
    const c = ch[0];
    if (SCRIPT_TEST.latin?.test(c) || SCRIPT_TEST.greek?.test(c) || COMMON.test(c) || own.test(c)) continue;
    return true;
  }
  return false;
}

// Function words that are distinctive for each language (shared ones left out).
const STOPWORDS: Record<string, Set<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'for', 'with', 'this', 'that', 'are', 'was', 'which', 'from', 'by', 'be', 'it', 'on', 'at']),
  es: new Set(['el', 'los', 'las', 'del', 'que', 'para', 'con', 'una', 'por', 'y', 'está', 'más', 'como', 'sus', 'pero']),
  fr: new Set(['le', 'les', 'des', 'est', 'une', 'pour', 'avec', 'dans', 'sur', 'et', 'du', 'pas', 'qui', 'au', 'sont']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'ein', 'eine', 'auf', 'den', 'dem', 'wird', 'sind']),
  pt: new Set(['os', 'do', 'da', 'dos', 'das', 'que', 'para', 'com', 'uma', 'não', 'é', 'em', 'foi', 'são']),
  it: new Set(['il', 'gli', 'della', 'che', 'per', 'con', 'una', 'è', 'sono', 'non', 'nel', 'delle', 'anche']),
  nl: new Set(['het', 'een', 'van', 'en', 'niet', 'met', 'voor', 'zijn', 'wordt', 'naar', 'ook', 'dat']),
};

/** A Latin-script sentence that is plainly in another language than English. */
function plainlyNotEnglish(sentence: string): boolean {
  const words = sentence.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return false;
  const hits = (lang: string) => words.filter((w) => STOPWORDS[lang]?.has(w)).length;
  const english = hits('en');
  const foreign = Math.max(...['es', 'fr', 'de', 'pt', 'it', 'nl'].map(hits));
  return foreign >= 3 && foreign > english;
}

export function wrongLanguage(sentence: string, language: string): boolean {
  const script = scriptOf(language);
  if (script === undefined) return false;
  if (hasForeignScript(sentence, script)) return true;
  return isEnglish(language) && plainlyNotEnglish(sentence);
}

// ---------------------------------------------------------------- chatter

const CHATTER = [
  /\b(do|would) you (like|want)\b/i,
  /\blet me know\b/i,
  /\bi hope (this|that|it) helps\b/i,
  /\bfeel free\b/i,
  /\b(shall|should|can|may) i\b/i,
  /\b(i'?m|i am) (happy|glad) to\b/i,
  /\bhappy to help\b/i,
  /\bas an ai\b/i,
  /^\s*(okay|ok|sure|certainly|of course|absolutely|great)\b\s*[,!.:]/i,
  /\bhere(?:'s|’s| is) (?:a|an|the|my|your)\b[^.]*\b(draft|report|brief|summary|analysis|version|overview)\b/i,
];

/** Words addressed to the reader rather than about the data. */
export function isChatter(sentence: string): boolean {
  return /[?？]\s*$/.test(sentence) || CHATTER.some((re) => re.test(sentence));
}

// ---------------------------------------------------------------- sentences

export function emptyRemovals(): Removals {
  return { numbers: 0, findingsWithoutFacts: 0, citationsCorrected: 0, otherLanguage: 0, chatter: 0, dates: 0 };
}

export interface VerifyContext {
  allowed: Allowed[];
  sheetText: string;
  language: string;
  removals: Removals;
}

/** Split on sentence ends followed by space and on line breaks; decimals ("41.18") are not split. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Citations in prose ("(F3)", "[F1, F2]") are taken out: the report lists a
 * finding's facts itself, from the ids that exist. Emphasis markers and code
 * ticks are dropped because the renderer escapes them into visible noise.
 */
function tidy(text: string): string {
  return text
    .replace(/\s*[([]\s*(?:facts?:?\s*)?F\d+(?:\s*(?:,|;|&|and)\s*F\d+)*\s*[)\]]/gi, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Keeps the sentences that pass every check; each removed sentence counts
 * once, under the first check it failed (language, chatter, dates, numbers —
 * numbers count every unmatched number in the sentence).
 */
export function cleanText(text: string, ctx: VerifyContext): string {
  const kept: string[] = [];
  for (const raw of sentences(text)) {
    const sentence = tidy(raw);
    if (sentence.length === 0) continue;
    if (wrongLanguage(sentence, ctx.language)) {
      ctx.removals.otherLanguage++;
      continue;
    }
    if (isChatter(sentence)) {
      ctx.removals.chatter++;
      continue;
    }
    const dates = inventedDates(sentence, ctx.sheetText);
    if (dates.length > 0) {
      ctx.removals.dates += dates.length;
      continue;
    }
    const numbers = unmatchedNumbers(sentence, ctx.allowed);
    if (numbers.length > 0) {
      ctx.removals.numbers += numbers.length;
      continue;
    }
    // Nothing but punctuation or a stray label left: not a sentence worth keeping.
    if (!/\p{L}{2,}/u.test(sentence)) continue;
    kept.push(sentence);
  }
  return kept.join(' ');
}

export interface Verified {
  content: NarrativeContent;
  removals: Removals;
  /** Enough survived to show: an executive summary or at least one finding. */
  usable: boolean;
}

const MAX_RECOMMENDATIONS = 3;
const MAX_FINDINGS = 6;
const MAX_RISKS = 4;

/**
 * Checks the model's answer against the facts: numbers not in the data,
 * invented dates, other languages and chatter are removed sentence by
 * sentence; a finding that cites no existing fact is dropped. Pure.
 */
export function verifyNarrative(raw: RawNarrative, facts: readonly Fact[], sheetText: string, language: string): Verified {
  const ctx: VerifyContext = { allowed: allowedNumbers(facts), sheetText, language, removals: emptyRemovals() };
  const known = new Set(facts.map((f) => f.id));
  const perFact = new Map(facts.map((f) => [f.id, allowedNumbers([f])]));
  const executiveSummary = cleanText(raw.executiveSummary, ctx);
  const findings: NarrativeContent['findings'] = [];
  for (const f of raw.findings) {
    const cited = [...new Set(f.facts.map((id) => id.trim().toUpperCase()).filter((id) => known.has(id)))];
    if (cited.length === 0) {
      ctx.removals.findingsWithoutFacts++;
      continue;
    }
    const text = cleanText(f.text, ctx);
    if (!text) continue;
    const grounded = groundCitations(text, cited, perFact);
    if (grounded.corrected) ctx.removals.citationsCorrected++;
    findings.push({ text, facts: grounded.facts });
  }
  const recommendations = raw.recommendations.map((r) => cleanText(r, ctx)).filter(Boolean).slice(0, MAX_RECOMMENDATIONS);
  const risks: NarrativeContent['risks'] = [];
  for (const r of raw.risks) {
    const risk = cleanText(r.risk, ctx);
    const mitigation = cleanText(r.mitigation, ctx);
    if (risk && mitigation) risks.push({ risk, mitigation });
  }
  const content: NarrativeContent = { executiveSummary, findings: findings.slice(0, MAX_FINDINGS), recommendations, risks: risks.slice(0, MAX_RISKS) };
  return { content, removals: ctx.removals, usable: executiveSummary.length > 0 || content.findings.length > 0 };
}

export function totalRemovals(r: Removals): number {
  return r.numbers + r.findingsWithoutFacts + r.citationsCorrected + r.otherLanguage + r.chatter + r.dates;
}

/** "3 numbers not in the data removed, 1 paragraph in another language removed" — empty when nothing was. */
export function describeRemovals(r: Removals): string {
  const parts: string[] = [];
  const say = (n: number, one: string, many: string) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  say(r.numbers, 'number not in the data removed', 'numbers not in the data removed');
  say(r.dates, 'invented date removed', 'invented dates removed');
  say(r.findingsWithoutFacts, 'finding citing no known fact dropped', 'findings citing no known fact dropped');
  say(r.citationsCorrected, 'finding re-cited to the facts its numbers come from', 'findings re-cited to the facts their numbers come from');
  say(r.otherLanguage, 'sentence in another language removed', 'sentences in another language removed');
  say(r.chatter, 'sentence addressed to the reader removed', 'sentences addressed to the reader removed');
  return parts.join(', ');
}
