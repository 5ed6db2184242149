import type { CheckedClaim, CheckedItem, CheckedRisk, DropReason, DroppedItem, Fact, GateFact, GeneratedNarrative } from '../model/llm.js';
import type { Report } from '../model/report.js';
import { plural } from '../util/text.js';
import { checkProse, isAdvice, statesAbout, toneOf } from './prose.js';
import { COMMON_WORDS } from './vocabulary.js';
import { checkClaim, type RawClaim } from './relations.js';
import { claimStatement, verdictStatement, type Resolved } from './statements.js';

/** Items kept at most: what the schema asks for, and what the comment has room for. */
export const MAX_CLAIMS = 5;
export const MAX_RECOMMENDATIONS = 3;
export const MAX_RISKS = 2;
/** Length caps of the free prose, in characters. */
export const MAX_INTERPRETATION = 120;
export const MAX_RECOMMENDATION = 120;
export const MAX_RISK = 100;

/** The model's answer as parsed, before any check. */
export interface RawAnswer {
  claims: RawClaim[];
  recommendations: { text: string; facts: string[] }[];
  risks: { risk: string; mitigation: string; facts: string[] }[];
}

export type ParsedAnswer = { ok: true; value: RawAnswer } | { ok: false; reason: string };

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function ids(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter(Boolean);
  return list(value).filter((v): v is string => typeof v === 'string');
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The answer as JSON in the requested shape. A code fence around it is
 * tolerated (models add one even with `format`); anything else that is not a
 * JSON object is invalid. Missing or mistyped fields become empty, and the
 * checks then drop what they cannot use.
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
      claims: list(o.claims).map((c) => {
        const item = record(c);
        const claim: RawClaim = { facts: ids(item.facts ?? item.fact), relation: str(item.relation) };
        const subject = optional(item.subject);
        const object = optional(item.object);
        const interpretation = optional(item.interpretation);
        if (subject !== undefined) claim.subject = subject;
        if (object !== undefined) claim.object = object;
        if (interpretation !== undefined) claim.interpretation = interpretation;
        return claim;
      }),
      recommendations: list(o.recommendations).map((r) => (typeof r === 'string' ? { text: r, facts: [] } : { text: str(record(r).text), facts: ids(record(r).facts) })),
      risks: list(o.risks).map((r) => ({ risk: str(record(r).risk), mitigation: str(record(r).mitigation), facts: ids(record(r).facts) })),
    },
  };
}

/** What a drop reason means, in the words the report shows. */
export const REASON_TEXT: Record<DropReason, string> = {
  'unknown-fact': 'cites a fact that does not exist',
  'relation-not-for-fact': 'a relation that does not apply to its fact',
  'relation-false': 'a relation the data contradicts',
  'unknown-entity': 'names something its fact does not hold',
  digits: 'a digit (numbers are written from the facts)',
  'number-words': 'a number written in words',
  units: 'a unit (units are written from the facts)',
  names: 'a name that is not in the facts it cites',
  'direction-words': 'a direction or comparison outside a checked claim',
  'verdict-words': 'words about the verdict, the gate or merging',
  tone: 'good or bad news its claim does not bear out',
  'not-advice': 'a statement where advice was asked for',
  causes: 'a cause the data cannot show',
  dates: 'a date',
  language: 'another language',
  chatter: 'words to the reader',
  markdown: 'Markdown or a line break',
  'hidden-characters': 'invisible or control characters',
  symbols: 'a symbol (arrows, signs, check marks, emoji)',
  'too-long': 'over the length cap',
  empty: 'no text',
  'over-limit': 'over the number of items asked for',
  duplicate: 'a repeat of an earlier item',
};

export interface Verified {
  narrative: Omit<GeneratedNarrative, 'status' | 'run'>;
  /** At least one claim held: something worth showing. */
  usable: boolean;
}

/**
 * Whether a claim that held is good or bad news: a change by its verdict,
 * the gate by its own, noise in a series is bad. Rankings, sweeps and
 * effects are neither: who leads is not news for the pull request.
 */
function claimTone(facts: readonly Fact[], relation: string): 'good' | 'bad' | undefined {
  const tones = facts.map((f) => {
    if (f.kind === 'gate') return relation === 'passes' ? 'good' : 'bad';
    if (f.kind === 'change') return f.verdict === 'improved' ? 'good' : f.verdict === 'regressed' ? 'bad' : undefined;
    if (f.kind === 'stability') return 'bad';
    return undefined;
  });
  return tones.every((t) => t === tones[0]) ? tones[0] : undefined;
}

/**
 * Names prose citing `facts` may use. The gate's verdict sentence names its
 * worst gated regression, so prose on the gate may name the gated regressions.
 */
function namesOf(facts: readonly Fact[], all: readonly Fact[] = []): string[] {
  const gated = facts.some((f) => f.kind === 'gate') ? all.filter((f) => f.kind === 'change' && f.gated && f.verdict === 'regressed') : [];
  return [...new Set([...facts, ...gated].flatMap((f) => f.names))];
}

/**
 * The entities of the facts cited, grouped by what tells them apart: the
 * levels of a ranking or an effect, the values a label takes across cited
 * changes. Prose that states something about two of one group compares them.
 */
function rivalsOf(facts: readonly Fact[]): string[][] {
  const groups = new Map<string, Set<string>>();
  const add = (key: string, name: string) => {
    if (!/\p{L}/u.test(name)) return;
    const set = groups.get(key) ?? new Set<string>();
    set.add(name);
    groups.set(key, set);
  };
  for (const f of facts) {
    if (f.kind === 'ranking' || f.kind === 'effect') for (const l of f.levels) add(`level:${f.factor}`, l.name.startsWith(`${f.factor}=`) ? l.name.slice(f.factor.length + 1) : l.name);
    if (f.kind === 'change') for (const [k, v] of Object.entries(f.labels)) add(`label:${k}`, v);
  }
  return [...groups.values()].filter((g) => g.size > 1).map((g) => [...g]);
}

/**
 * The levels a claim about one level (best, worst, a pair) is not about: its
 * interpretation may state something about the level it names, not about
 * the others ("Eager is on the back foot" beside "compiled is best" says
 * what no check held).
 */
function outsiders(resolved: Resolved, subject: string | undefined, object: string | undefined): string[] {
  if (subject === undefined) return [];
  const own = [subject, object].filter((n): n is string => n !== undefined).flatMap((n) => [n, n.includes('=') ? n.slice(n.indexOf('=') + 1) : n].map((x) => x.toLowerCase()));
  return rivalsOf(resolved.facts)
    .flat()
    .filter((n) => !own.includes(n.toLowerCase()));
}

/**
 * The names of every fact prose does not cite, as far as they could pass for
 * words: a level `compiled` put on the eager regression swaps the entities.
 * Common words that are also labels (`model`, `serving`) are left to the
 * other checks, or prose could not use them at all.
 */
function otherNamesOf(cited: readonly string[], facts: readonly Fact[]): string[] {
  const own = new Set(cited.map((n) => n.toLowerCase()));
  return [...new Set(facts.flatMap((f) => f.names))].filter((n) => !own.has(n.toLowerCase()) && /\p{L}{3,}/u.test(n) && !COMMON_WORDS.has(n.toLowerCase()));
}

function claimKey(c: Pick<CheckedClaim, 'facts' | 'relation' | 'subject' | 'object'>): string {
  return [c.facts.join('+'), c.relation, c.subject ?? '', c.object ?? ''].join('\u0000');
}

/**
 * Checks the model's answer against the facts. A claim holds when its fact
 * ids exist and its relation holds on them; its sentence is then written by
 * code. Interpretations, recommendations and risks pass the free-prose
 * checks with the names of the facts they cite. Anything that fails is
 * dropped whole and counted with its reason; the model's text of a dropped
 * item is kept nowhere. Pure.
 */
export function verifyAnswer(raw: RawAnswer, facts: readonly Fact[], report: Pick<Report, 'comparison'>, language: string): Verified {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const gate = facts.find((f): f is GateFact => f.kind === 'gate');
  const dropped: DroppedItem[] = [];
  const drop = (item: DroppedItem['item'], index: number, reason: DropReason, detail: string) => dropped.push({ item, index, reason, detail });

  const claims: CheckedClaim[] = [];
  const seen = new Set<string>();
  raw.claims.forEach((c, i) => {
    const index = i + 1;
    if (claims.length >= MAX_CLAIMS) return drop('claim', index, 'over-limit', `only ${MAX_CLAIMS} claims are shown`);
    const checked = checkClaim(c, byId);
    if (!checked.ok) return drop('claim', index, checked.reason, checked.detail);
    const { resolved } = checked;
    const name = (x: typeof resolved.subject) => (x === undefined ? undefined : typeof x === 'string' ? x : x.name);
    const claim: CheckedClaim = { facts: resolved.facts.map((f) => f.id), relation: resolved.relation, statement: claimStatement(resolved, report), check: checked.check };
    const subject = name(resolved.subject);
    const object = name(resolved.object);
    if (subject !== undefined) claim.subject = subject;
    if (object !== undefined) claim.object = object;
    if (seen.has(claimKey(claim))) return drop('claim', index, 'duplicate', `${claim.facts.join(', ')} ${claim.relation} was claimed before`);
    if (c.interpretation !== undefined) {
      const names = namesOf(resolved.facts, facts);
      const prose = checkProse(c.interpretation, { names, otherNames: otherNamesOf(names, facts), rivals: rivalsOf(resolved.facts), language, maxChars: MAX_INTERPRETATION });
      if (!prose.ok) return drop('claim', index, prose.reason, `in its interpretation (${claim.facts.join(', ')} ${claim.relation} holds)`);
      const tone = toneOf(prose.text);
      if (tone !== undefined && tone !== claimTone(resolved.facts, resolved.relation)) return drop('claim', index, 'tone', `in its interpretation (${claim.facts.join(', ')} ${claim.relation} holds)`);
      const strangers = outsiders(resolved, subject, object);
      if (statesAbout(prose.text, strangers, language)) return drop('claim', index, 'names', `in its interpretation (${claim.facts.join(', ')} ${claim.relation} holds; it states something about a level the claim is not about)`);
      claim.interpretation = prose.text;
    }
    seen.add(claimKey(claim));
    claims.push(claim);
  });

  const cited = (list: readonly string[]): Fact[] | undefined => {
    const found = [...new Set(list.map((id) => id.trim().toUpperCase()))].map((id) => byId.get(id));
    return found.every((f) => f !== undefined) ? (found as Fact[]) : undefined;
  };

  const recommendations: CheckedItem[] = [];
  raw.recommendations.forEach((r, i) => {
    const index = i + 1;
    if (recommendations.length >= MAX_RECOMMENDATIONS) return drop('recommendation', index, 'over-limit', `only ${MAX_RECOMMENDATIONS} recommendations are shown`);
    const factsOf = cited(r.facts);
    if (!factsOf) return drop('recommendation', index, 'unknown-fact', 'cites a fact that does not exist');
    const names = namesOf(factsOf, facts);
    const prose = checkProse(r.text, { names, otherNames: otherNamesOf(names, facts), rivals: rivalsOf(factsOf), language, maxChars: MAX_RECOMMENDATION });
    if (!prose.ok) return drop('recommendation', index, prose.reason, 'in its text');
    if (toneOf(prose.text) !== undefined) return drop('recommendation', index, 'tone', 'in its text');
    if (!isAdvice(prose.text, language)) return drop('recommendation', index, 'not-advice', 'in its text');
    if (recommendations.some((x) => x.text.toLowerCase() === prose.text.toLowerCase())) return drop('recommendation', index, 'duplicate', 'repeats an earlier recommendation');
    recommendations.push({ text: prose.text, facts: factsOf.map((f) => f.id) });
  });

  const risks: CheckedRisk[] = [];
  raw.risks.forEach((r, i) => {
    const index = i + 1;
    if (risks.length >= MAX_RISKS) return drop('risk', index, 'over-limit', `only ${MAX_RISKS} risks are shown`);
    const factsOf = cited(r.facts);
    if (!factsOf) return drop('risk', index, 'unknown-fact', 'cites a fact that does not exist');
    const names = namesOf(factsOf, facts);
    const otherNames = otherNamesOf(names, facts);
    const rivals = rivalsOf(factsOf);
    const risk = checkProse(r.risk, { names, otherNames, rivals, language, maxChars: MAX_RISK });
    if (!risk.ok) return drop('risk', index, risk.reason, 'in the risk');
    const mitigation = checkProse(r.mitigation, { names, otherNames, rivals, language, maxChars: MAX_RISK });
    if (!mitigation.ok) return drop('risk', index, mitigation.reason, 'in the mitigation');
    if (toneOf(risk.text) !== undefined || toneOf(mitigation.text) !== undefined) return drop('risk', index, 'tone', 'in the risk or its mitigation');
    if (!isAdvice(mitigation.text, language)) return drop('risk', index, 'not-advice', 'in the mitigation');
    if (risks.some((x) => x.risk.toLowerCase() === risk.text.toLowerCase())) return drop('risk', index, 'duplicate', 'repeats an earlier risk');
    risks.push({ risk: risk.text, mitigation: mitigation.text, facts: factsOf.map((f) => f.id) });
  });

  const dropCounts: Partial<Record<DropReason, number>> = {};
  for (const d of dropped) dropCounts[d.reason] = (dropCounts[d.reason] ?? 0) + 1;
  const verdict = gate ? verdictStatement(report, gate) : 'No baseline was asked for, so nothing is compared and nothing can fail.';
  return { narrative: { verdict, claims, recommendations, risks, dropped, dropCounts }, usable: claims.length > 0 };
}

/** "2 items dropped: 1 claim (a relation the data contradicts), 1 recommendation (a number written in words)"; empty when none was. */
export function describeDrops(dropped: readonly DroppedItem[]): string {
  if (dropped.length === 0) return '';
  const groups = new Map<string, number>();
  for (const d of dropped) {
    const key = `${d.item}\u0000${d.reason}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const parts = [...groups].map(([key, n]) => {
    const [item, reason] = key.split('\u0000') as [DroppedItem['item'], DropReason];
    return `${plural(n, item)} (${REASON_TEXT[reason]})`;
  });
  return `${plural(dropped.length, 'item')} dropped: ${parts.join(', ')}`;
}
