import type { DropReason } from '../model/llm.js';
import {
  ADVICE_STATE_WORDS,
  ADVICE_STARTS,
  ADVICE_VERBS,
  AMOUNT_OBJECTS,
  BAD_TONE,
  AMOUNT_WORDS,
  CAUSE_PHRASES,
  CAUSE_WORDS,
  CHATTER_PHRASES,
  CHATTER_WORDS,
  COMPARISON_EXCEPTIONS,
  COMPARISON_PHRASES,
  COMPARISON_STATEMENTS,
  DATE_WORDS,
  DIRECTION_WORDS,
  ENGLISH_WORDS,
  FOREIGN_WORDS,
  GENERIC_TERMS,
  GOOD_TONE,
  IMPERATIVE_FORMS,
  KNOWN_NAMES,
  NOT_SUPERLATIVES,
  NUMBER_WORD_EXCEPTIONS,
  NUMBER_WORDS,
  PHRASAL_UP_DOWN,
  SENTENCE_STARTS,
  TERM_EXCEPTIONS,
  UNIT_PHRASES,
  UNIT_WORDS,
  VERDICT_PHRASES,
  VERDICT_STATEMENTS,
  VERDICT_WORDS,
  WORD_ENDINGS,
} from './vocabulary.js';

/**
 * The model's free prose (a claim's interpretation, a recommendation, a
 * risk) may explain and advise but carries no data: no digits in any script,
 * no numbers in words, no units, no names outside the cited facts, no words
 * of direction or comparison, no verdict, no cause, no dates, no Markdown,
 * nothing addressed to the reader. An item that fails any check is dropped
 * whole; nothing is cut out of it.
 */

export interface ProseContext {
  /** Names the text may use: the labels of the facts its item cites. */
  names: readonly string[];
  /**
   * Names of the facts it does not cite: written in lower case they pass
   * for ordinary words ("the compiled path"), so they are looked for by name.
   */
  otherNames?: readonly string[];
  /**
   * Groups of entities the cited facts tell apart (the levels of a ranking,
   * the values of one label): a sentence stating something about two of a
   * group compares them ("Compiled wipes the floor with eager"), which only
   * a checked claim may do. Advice may name both ("Compare eager and compiled").
   */
  rivals?: readonly (readonly string[])[];
  /** The `language` input. */
  language: string;
  maxChars: number;
}

export type ProseCheck = { ok: true; text: string } | { ok: false; reason: DropReason };

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
/** "British English", "English (US)", "pt-BR" → its words, lower case. */
function languageWords(language: string): string[] {
  return language.trim().toLowerCase().split(/[-_\s()]+/).filter(Boolean);
}

function scriptOf(language: string): string | undefined {
  // The first word that names a language decides.
  for (const key of languageWords(language)) {
    const script = Object.keys(SCRIPTS).find((name) => SCRIPTS[name]?.includes(key));
    if (script !== undefined) return script;
  }
  return undefined;
}

function isEnglish(language: string): boolean {
  const keys = languageWords(language);
  return keys.includes('english') || keys[0] === 'en';
}

/**
 * Letters outside the language's script (Latin is accepted beside any other
 * script: technical words are Latin). English allows no letters outside
 * ASCII: a model drifting into French or German shows them first. Names
 * from the facts are masked before this runs, so a model label in CJK or
 * Cyrillic does not count.
 */
function foreignLetters(text: string, language: string): boolean {
  const script = scriptOf(language);
  if (script === undefined) return false;
  const own = SCRIPT_TEST[script] as RegExp;
  for (const m of text.matchAll(/\p{L}/gu)) {
    const c = m[0];
    if (isEnglish(language)) {
      if (!/[a-z]/i.test(c)) return true;
      continue;
    }
    if (!SCRIPT_TEST.latin?.test(c) && !own.test(c)) return true;
  }
  return false;
}

/** A Latin-script sentence that is plainly not English: two distinctive foreign words, or one and no English. */
function plainlyNotEnglish(words: readonly string[]): boolean {
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  const foreign = Math.max(...Object.values(FOREIGN_WORDS).map((set) => words.filter((w) => set.has(w)).length));
  return foreign >= 2 ? foreign >= english : foreign >= 1 && english === 0 && words.length >= 2;
}

// ---------------------------------------------------------------- names

const MASK = '\uE000';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A label is repository text too: one that reads as a verdict, a direction,
 * a cause or words to the reader ("no regressions", "all tests passed") is
 * never masked, so it cannot carry those words into prose.
 */
function innocent(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  const lists = [VERDICT_WORDS, DIRECTION_WORDS, CAUSE_WORDS, CHATTER_WORDS];
  // Phrases too: a label `looks good` or `checks out` must not clear the branch in the model's words.
  const phrases = [...VERDICT_PHRASES, ...CAUSE_PHRASES, ...CHATTER_PHRASES, ...COMPARISON_PHRASES];
  return !words.some((w) => lists.some((l) => l.has(w))) && !phrases.some((re) => re.test(name));
}

/**
 * The text with every allowed name replaced by a placeholder, longest names
 * first, matched case-insensitively and only as whole words: what is left
 * must pass the checks on its own.
 */
/** A name that reads as a verdict, a direction, a cause or words to the reader. */
export function readsAsClaim(name: string): boolean {
  return !innocent(name);
}

export function maskNames(text: string, names: readonly string[]): string {
  let out = text;
  const sorted = [...new Set(names.filter((n) => n.trim() !== '' && innocent(n)))].sort((a, b) => b.length - a.length);
  for (const name of sorted) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'giu');
    out = out.replace(re, MASK);
  }
  return out;
}

interface Word {
  text: string;
  /** Where it starts in the masked text. */
  index: number;
  lower: string;
  /** First word of the text or of a sentence in it. */
  initial: boolean;
  previous: string | undefined;
}

function wordsOf(masked: string): Word[] {
  const out: Word[] = [];
  let previous: string | undefined;
  for (const m of masked.matchAll(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+)*/gu)) {
    const before = masked.slice(0, m.index).trimEnd();
    const initial = before === '' || /[.;:!?]$/.test(before);
    const lower = m[0].toLowerCase().replace(/’/g, "'");
    out.push({ text: m[0], index: m.index, lower, initial, previous });
    previous = lower;
  }
  return out;
}

/** A word that names something: capitalised mid-sentence, in capitals, in mixed case, or an unknown capitalised first word. */
function isName(w: Word): boolean {
  if (GENERIC_TERMS.has(w.lower) || GENERIC_TERMS.has(w.lower.replace(/s$/, ''))) return false;
  const letters = [...w.text];
  const first = letters[0] ?? '';
  const upperInside = letters.slice(1).some((c) => c !== c.toLowerCase());
  if (upperInside) return true;
  if (first === first.toLowerCase()) return false;
  if (!w.initial) return true;
  const head = w.lower.split('-')[0] ?? w.lower;
  return !SENTENCE_STARTS.has(w.lower) && !SENTENCE_STARTS.has(head) && !WORD_ENDINGS.test(head) && !WORD_ENDINGS.test(w.lower);
}

/** `llama3:70b`, `config.yaml`, `tokens_s`, `a/b`: identifiers are names too. */
function hasIdentifier(masked: string): boolean {
  const raw = masked.split(/\s+/).map((t) => t.replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, ''));
  return raw.some((t) => !/^(and\/or|input\/output|e\.g|i\.e)$/i.test(t) && /[\p{L}\p{N}][:_/.@#\\][\p{L}\p{N}]/u.test(t));
}

// ---------------------------------------------------------------- the checks

function hasAny(set: ReadonlySet<string>, w: Word): boolean {
  return set.has(w.lower) || w.lower.split('-').some((part) => set.has(part));
}

/** A base form giving advice or naming a possibility: the first word of a sentence, after "to", or after a modal ("may reduce"). */
function imperative(w: Word): boolean {
  return IMPERATIVE_FORMS.has(w.lower) && (w.initial || ['to', 'may', 'might', 'could', 'can'].includes(w.previous ?? ''));
}

/** "twofold", "ten-fold", "several-fold", "many times over". */
function multiple(w: Word): boolean {
  const m = /^(.+?)-?fold$/.exec(w.lower);
  return m !== null && (w.lower.includes('-fold') || NUMBER_WORDS.has(m[1] as string) || ['one', 'many', 'several', 'few', 'multi', 'x', 'n', 'some'].includes(m[1] as string));
}

/** "sub-second", "subsecond", "multi-second", "millisecond-scale", "gigabyte-sized": a unit inside a word. */
function unitInside(w: Word): boolean {
  if (UNIT_WORDS.has(w.lower)) return true;
  const parts = w.lower.split('-');
  // In a compound, `second` and `min` are ordinary words ("second-guessing", "min-max"); `x` is a letter.
  if (parts.length > 1 && parts.some((part) => part !== 'x' && part !== 'second' && part !== 'min' && UNIT_WORDS.has(part))) return true;
  const joined = parts.join('');
  return /^(sub|multi)(milli|micro|nano)?(seconds?|secs?|ms)$/.test(joined) || [joined, ...parts].some((part) => /^(kilo|mega|giga|tera)(bytes?|tokens?|flops?)$/.test(part));
}

/** "up" and "down" as a direction ("sped up", "is down"), not in "set up", "warm-up" or "break down". */
function upOrDown(w: Word): boolean {
  const parts = w.lower.split('-');
  if (parts.length > 1) return (parts[parts.length - 1] === 'up' || parts[parts.length - 1] === 'down') && !PHRASAL_UP_DOWN.has(parts[0] as string);
  return (w.lower === 'up' || w.lower === 'down') && !PHRASAL_UP_DOWN.has(w.previous ?? '');
}

/** "did not change", "no change": a claim that nothing moved; "the change" and "Change the batch" are not. */
function noChange(w: Word): boolean {
  return /^chang(e|es|ed|ing)$/.test(w.lower) && ['not', "didn't", "doesn't", "don't", "won't", 'never', 'no', 'nothing', 'little', 'barely', 'hardly'].includes(w.previous ?? '');
}

/**
 * "more", "less", "fewer" compare ("Eager serves more tokens"), unless the
 * sentence gives advice ("Run more samples") or asks for what a test needs
 * ("so more runs are needed").
 */
function comparesAmount(words: readonly Word[], i: number, masked: string): boolean {
  const w = words[i] as Word;
  if (!AMOUNT_WORDS.has(w.lower)) return false;
  if (AMOUNT_OBJECTS.has(words[i + 1]?.lower ?? '')) return false;
  if (!inAdvice(words, i)) return true;
  // Advice may ask for more of something, not say what is better: "Use eager, which is more efficient", "as it answers in less time".
  return comparative(words[i + 1]) || statesInAdvice(words, i, masked);
}

/** "efficient", "responsive", "quickly", "time": what follows `more`/`less` when it compares rather than counts. */
function comparative(next: Word | undefined): boolean {
  if (!next) return false;
  return /(ent|ant|ive|ous|able|ible|ful|ic|al|ly)$/.test(next.lower) || ['time', 'often', 'latency', 'memory', 'throughput', 'work'].includes(next.lower);
}

/** A clause inside advice that states something ("Prefer eager, as it answers…", "which is…"). */
function statesInAdvice(words: readonly Word[], i: number, masked: string): boolean {
  let start = i;
  while (start > 0 && !(words[start] as Word).initial) start--;
  const sentence = masked.slice((words[start] as Word).index, (words[i] as Word).index);
  return /,\s*(as|since|which|it|they|where|because)\b|\b(which|that) (is|are|was|were|has|have|gives?|runs?|serves?|answers?|uses?)\b/i.test(sentence);
}

/**
 * A superlative: "the leanest backend", "its quickest run", or "most"/"least"
 * before what they rank ("the most efficient", "the least latency"). Not
 * "at least", "at most", "matter most", "most of".
 */
function superlative(words: readonly Word[], i: number): boolean {
  const w = words[i] as Word;
  const next = words[i + 1];
  if (w.lower === 'most' || w.lower === 'least') {
    if (w.previous === 'at' || !next || next.lower === 'of' || next.index > w.index + w.text.length + 1) return false;
    // Advice may point at "the most used configuration": how often, not how well.
    return !(next.lower.endsWith('ed') && inAdvice(words, i));
  }
  return ['the', 'its', 'their'].includes(w.previous ?? '') && /^\p{L}{2,}est$/u.test(w.lower) && !NOT_SUPERLATIVES.has(w.lower);
}

/** Whether a stating sentence names two entities of one group of rivals. */
function comparesRivals(stated: readonly string[], rivals: readonly (readonly string[])[]): boolean {
  if (rivals.length === 0) return false;
  return stated.some((sentence) => rivals.some((group) => group.filter((name) => maskNames(sentence, [name]) !== sentence).length >= 2));
}

/** The sentences of `text` that state something: those that do not start with a verb of advice. */
function statingSentences(text: string, words: readonly Word[]): string[] {
  // A sentence may start with a masked name, which is no word: the text before the first word that starts one is a sentence too.
  const bounds = [0, ...words.filter((w) => w.initial && w.index > 0).map((w) => w.index), text.length];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] as number;
    const first = words.find((w) => w.index >= start);
    const advice = first !== undefined && first.initial && first.index === start && ADVICE_VERBS.has(first.lower);
    if (!advice) out.push(text.slice(start, bounds[k + 1]));
  }
  return out;
}

/** Whether the sentence holding word `i` gives advice: it starts with a verb of advice ("Run", "Make sure", "Check"). */
function inAdvice(words: readonly Word[], i: number): boolean {
  let start = i;
  while (start > 0 && !(words[start] as Word).initial) start--;
  return ADVICE_VERBS.has((words[start] as Word).lower);
}

/**
 * "one" counts as a number before the thing it counts ("one model", "One
 * series"), not as a pronoun ("the one to keep", "one of them", "choosing one.").
 */
function numberOne(words: readonly Word[], i: number, masked: string): boolean {
  const w = words[i] as Word;
  if (w.lower !== 'one') return false;
  const next = words[i + 1];
  if (['the', 'this', 'that', 'which', 'each', 'no', 'any', 'every', 'a'].includes(w.previous ?? '')) return false;
  if (!next || ['of', 'another', 'or', 'and', 'is', 'that', 'which', 'to'].includes(next.lower)) return false;
  // A sentence ending or a comma right after "one" leaves nothing for it to count.
  const after = masked.slice(w.index + w.text.length).trimStart();
  return !/^[.,;:]/.test(after);
}

/**
 * Checks one piece of free prose. The reason is the first check it failed,
 * in this order: empty, length, Markdown, language, chatter, digits, numbers
 * in words, units, symbols, dates, verdict words, causes, direction words,
 * names (hidden characters right after line breaks).
 */
export function checkProse(input: string, ctx: ProseContext): ProseCheck {
  const normalised = input.normalize('NFC');
  if (/[\r\n\u2028\u2029]/.test(normalised.trim())) return { ok: false, reason: 'markdown' };
  // Zero-width spaces, soft hyphens, joiners and direction overrides split a listed word ("twi\u200bce") or reverse what shows.
  if (/[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(normalised.replace(/[\t\r\n]/g, ' '))) return { ok: false, reason: 'hidden-characters' };
  // Other spaces and hyphens would split a listed phrase ("looks\u00a0good") or join a word ("front\u2011runner") past the lists.
  const text = normalised.replace(/[\t\p{Zs}]+/gu, ' ').replace(/[\u2010\u2011]/g, '-').trim();
  if (!/\p{L}{2,}/u.test(text)) return { ok: false, reason: 'empty' };
  if ([...text].length > ctx.maxChars) return { ok: false, reason: 'too-long' };
  const masked = maskNames(text, ctx.names);
  if (/[#|<>`*_[\]{}~\\^$@=+]/.test(masked) || /https?:|www\.|\bdot (com|org|net|io|dev|ai)\b|^\s*(?:[-•]|\d+[.)])\s/i.test(masked)) return { ok: false, reason: 'markdown' };
  const words = wordsOf(masked);
  const lower = words.map((w) => w.lower);
  if (foreignLetters(masked, ctx.language) || (isEnglish(ctx.language) && plainlyNotEnglish(lower))) return { ok: false, reason: 'language' };
  if (/[?？!！¿¡]/.test(masked) || CHATTER_PHRASES.some((re) => re.test(masked)) || words.some((w) => CHATTER_WORDS.has(w.lower))) return { ok: false, reason: 'chatter' };
  if (/\p{N}/u.test(masked)) return { ok: false, reason: 'digits' };
  if (/\b(a|some) multiple of\b|\ba factor of\b/i.test(masked) || words.some((w, i) => (!NUMBER_WORD_EXCEPTIONS.has(w.lower) && hasAny(NUMBER_WORDS, w)) || multiple(w) || numberOne(words, i, masked))) return { ok: false, reason: 'number-words' };
  if (/[%‰×°µμ$€£¥]/.test(masked) || UNIT_PHRASES.some((re) => re.test(masked)) || words.some(unitInside)) return { ok: false, reason: 'units' };
  // Arrows, comparison signs, check marks and emoji (":thumbsup:" too) carry a direction or a verdict without a word.
  if (/[\p{Sm}\p{So}\p{Extended_Pictographic}]/u.test(masked) || /(^|\s):[a-z0-9_+-]+:/i.test(masked)) return { ok: false, reason: 'symbols' };
  if (words.some((w) => DATE_WORDS.has(w.lower))) return { ok: false, reason: 'dates' };
  // Technical terms that hold a listed word ("peak memory", "warm-up pass") state no result: they are taken out first.
  const plain = TERM_EXCEPTIONS.reduce((t, re) => t.replace(re, ' '), masked);
  const plainWords = wordsOf(plain);
  const stated = statingSentences(plain, plainWords);
  if (VERDICT_PHRASES.some((re) => re.test(plain)) || VERDICT_STATEMENTS.some((re) => stated.some((t) => re.test(t))) || plainWords.some((w) => hasAny(VERDICT_WORDS, w))) return { ok: false, reason: 'verdict-words' };
  if (CAUSE_PHRASES.some((re) => re.test(plain)) || plainWords.some((w) => hasAny(CAUSE_WORDS, w))) return { ok: false, reason: 'causes' };
  const uncompared = COMPARISON_EXCEPTIONS.reduce((t, re) => t.replace(re, ' '), plain);
  if (
    comparesRivals(statingSentences(text, wordsOf(text)), ctx.rivals ?? []) ||
    COMPARISON_PHRASES.some((re) => re.test(uncompared)) ||
    COMPARISON_STATEMENTS.some((re) => stated.some((t) => re.test(t))) ||
    plainWords.some((w, i) => {
      // A state advice asks for ("Make sure the clock stays fixed", "Confirm the settings did not change") states no result.
      if ((ADVICE_STATE_WORDS.has(w.lower) || noChange(w)) && inAdvice(plainWords, i)) return false;
      return (!imperative(w) && (hasAny(DIRECTION_WORDS, w) || IMPERATIVE_FORMS.has(w.lower))) || upOrDown(w) || noChange(w) || comparesAmount(plainWords, i, plain) || superlative(plainWords, i);
    })
  ) {
    return { ok: false, reason: 'direction-words' };
  }
  if (hasIdentifier(masked) || words.some((w) => hasAny(KNOWN_NAMES, w)) || (isEnglish(ctx.language) && words.some(isName))) return { ok: false, reason: 'names' };
  if (maskNames(masked, ctx.otherNames ?? []) !== masked) return { ok: false, reason: 'names' };
  return { ok: true, text };
}

/** Good or bad news in prose ("Good news for…", "Unfortunately…"), both, or undefined when it judges neither. */
export function toneOf(text: string): 'good' | 'bad' | 'mixed' | undefined {
  const good = GOOD_TONE.some((re) => re.test(text));
  const bad = BAD_TONE.some((re) => re.test(text));
  return good && bad ? 'mixed' : good ? 'good' : bad ? 'bad' : undefined;
}

/**
 * Whether every sentence of `text` gives advice: it starts with a verb of
 * advice ("Run more samples", "Reduce the batch"), or with a short clause
 * and a comma before one ("For chat traffic, prefer compiled"). A
 * recommendation or a mitigation that states something instead ("Eager is
 * on the back foot") carries a claim no check can hold it to. English only:
 * the verbs are English.
 */
export function isAdvice(text: string, language: string): boolean {
  if (!isEnglish(language)) return true;
  const words = wordsOf(text.normalize('NFC'));
  const starts = words.map((w, i) => ({ w, i })).filter(({ w }) => w.initial);
  const advice = (w: Word | undefined) => w !== undefined && (ADVICE_VERBS.has(w.lower) || IMPERATIVE_FORMS.has(w.lower) || ADVICE_STARTS.has(w.lower));
  return (
    starts.length > 0 &&
    starts.every(({ w, i }) => {
      if (advice(w)) return true;
      // "For chat traffic, prefer compiled": the first word after the first comma of the sentence.
      const end = starts.find((s) => s.i > i)?.i ?? words.length;
      const comma = text.indexOf(',', w.index);
      if (comma < 0) return false;
      const next = words.findIndex((x, k) => k > i && k < end && x.index > comma);
      return next >= 0 && advice(words[next]);
    })
  );
}

/** Whether a sentence of `text` that states something (not advice) names one of `names`. */
export function statesAbout(text: string, names: readonly string[], language: string): boolean {
  if (names.length === 0 || !isEnglish(language)) return false;
  return statingSentences(text, wordsOf(text)).some((sentence) => maskNames(sentence, names) !== sentence);
}
