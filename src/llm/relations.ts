import { formatNumber } from '../util/numbers.js';
import type { ChangeFact, DropReason, EffectFact, Fact, FactKind, FactLevel, RankingFact, Relation, StabilityFact, SweepFact } from '../model/llm.js';
import { RELATIONS } from '../model/llm.js';
import { levelsBestFirst } from './facts.js';
import type { Resolved } from './statements.js';

/**
 * The closed set of relations a claim may assert, which fact kinds each
 * applies to, and the check that decides whether it holds. Every check reads
 * only the computed facts: signs, verdicts, directions and which entity
 * holds which value.
 */

const PAIR: readonly Relation[] = ['higher', 'lower', 'better', 'worse'];

export const APPLIES: Record<FactKind, readonly Relation[]> = {
  gate: ['passes', 'fails'],
  change: ['rose', 'fell', 'improved', 'regressed', 'unchanged', 'inconclusive', 'exceeds-threshold', 'fails-gate', 'largest-change', 'beyond-noise', 'within-noise', ...PAIR],
  ranking: ['best', 'worst', 'beyond-noise', 'within-noise', ...PAIR],
  sweep: ['best', 'worst', 'beyond-noise', 'within-noise'],
  effect: ['best', 'worst', 'rose', 'fell', 'beyond-noise', 'within-noise', ...PAIR],
  stability: ['noisy', 'warm-up'],
};

/** A claim as the model wrote it, before any check. */
export interface RawClaim {
  facts: string[];
  relation: string;
  subject?: string;
  object?: string;
  interpretation?: string;
}

export type ClaimCheck = { ok: true; resolved: Resolved; check: string } | { ok: false; reason: DropReason; detail: string };

const fail = (reason: DropReason, detail: string): ClaimCheck => ({ ok: false, reason, detail });

/** Lower case, one space, no quotes, brackets or trailing punctuation: how names are compared. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`"“”‘’'[\]]/g, '')
    .replace(/\s*=\s*/g, '=')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:!]+$/, '')
    .trim();
}

/** The forms a level may be named in: `batch=8`, `8`, `batch 8`; `compiled`. */
function levelForms(level: FactLevel, factor: string): string[] {
  const raw = level.name.startsWith(`${factor}=`) ? level.name.slice(factor.length + 1) : level.name;
  return [level.name, raw, `${factor}=${raw}`, `${factor} ${raw}`].map(normaliseName);
}

function findLevel(name: string, levels: readonly FactLevel[], factor: string): FactLevel | undefined {
  const n = normaliseName(name);
  return levels.find((l) => levelForms(l, factor).includes(n));
}

/** `num_gpu=2, num_ctx=2048` in any order, with commas or spaces between the pairs. */
function sameConfiguration(name: string, labels: Record<string, string>): boolean {
  const pairs = normaliseName(name)
    .split(/[,;·]|\s+(?=[^\s=]+=)/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const wanted = Object.entries(labels).map(([k, v]) => normaliseName(`${k}=${v}`));
  return pairs.length === wanted.length && pairs.every((p) => wanted.includes(p));
}

/** A change names one series: its metric, label values or `key=value` pairs, in any combination. */
function namesSeries(name: string, f: ChangeFact): boolean {
  const parts = normaliseName(name)
    .replace(/[()]/g, ',')
    .split(/,|;|·| and /)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const known = new Set([normaliseName(f.metric), ...Object.values(f.labels).map(normaliseName), ...Object.entries(f.labels).map(([k, v]) => normaliseName(`${k}=${v}`))]);
  const whole = (p: string) => known.has(p) || p.split(' ').every((w) => known.has(w));
  return parts.length > 0 && parts.every(whole);
}

function stabilityItem(name: string, f: StabilityFact, kinds: readonly string[]): string | undefined {
  const n = normaliseName(name);
  return f.items.find((i) => kinds.includes(i.kind) && (normaliseName(i.name) === n || normaliseName(i.name.split(' (')[0] ?? '') === n))?.name;
}

function noiseCheck(significant: boolean | null, p: number | null, relation: Relation): ClaimCheck | string {
  if (significant === null) return fail('relation-false', 'no noise test could run');
  const wanted = relation === 'beyond-noise';
  if (significant !== wanted) return fail('relation-false', `the test says ${significant ? 'beyond' : 'within'} the noise${p !== null ? ` (p ${formatNumber(p)})` : ''}`);
  return `noise test ${significant ? 'significant' : 'not significant'}${p !== null ? ` (p ${formatNumber(p)})` : ''}`;
}

function compare(a: number, b: number, relation: Relation, direction: Fact['direction']): boolean | undefined {
  if (relation === 'higher') return a > b;
  if (relation === 'lower') return a < b;
  if (direction === 'none') return undefined;
  const better = direction === 'higher' ? a > b : a < b;
  return relation === 'better' ? better : direction === 'higher' ? a < b : a > b;
}

function levelsCheck(f: RankingFact | EffectFact, relation: Relation, subject: string | undefined, object: string | undefined): ClaimCheck {
  const ranked = levelsBestFirst(f);
  const top = ranked[0] as FactLevel;
  const bottom = ranked[ranked.length - 1] as FactLevel;
  const s = subject !== undefined ? findLevel(subject, f.levels, f.factor) : undefined;
  if (subject !== undefined && !s) return fail('unknown-entity', `${f.id} has no level of that name`);
  if (relation === 'best' || relation === 'worst') {
    const edge = relation === 'best' ? top : bottom;
    const neighbour = (relation === 'best' ? ranked[1] : ranked[ranked.length - 2]) as FactLevel;
    if (edge.mean === neighbour.mean) return fail('relation-false', `${f.id}: no single ${relation} level (a tie)`);
    if (s && s !== edge) return fail('relation-false', `${f.id}: the ${relation} level is ${edge.name}, not the one named`);
    const resolved: Resolved = { facts: [f], relation, subject: edge };
    return { ok: true, resolved, check: `${edge.name} ${formatNumber(edge.mean)} is the ${relation} of ${f.levels.length} levels (${f.direction} is better)` };
  }
  if (PAIR.includes(relation)) {
    const o = object !== undefined ? findLevel(object, f.levels, f.factor) : undefined;
    if (!s || !o) return fail('unknown-entity', `${relation} needs two levels of ${f.id}, named as the fact names them`);
    if (s === o) return fail('unknown-entity', `${relation} compares a level with itself`);
    const holds = compare(s.mean, o.mean, relation, f.direction);
    if (holds === undefined) return fail('relation-not-for-fact', `${f.id} has no better direction`);
    if (!holds) return fail('relation-false', `${f.id}: ${s.name} ${formatNumber(s.mean)} is not ${relation} than ${o.name} ${formatNumber(o.mean)}`);
    return { ok: true, resolved: { facts: [f], relation, subject: s, object: o }, check: `${s.name} ${formatNumber(s.mean)} ${relation} than ${o.name} ${formatNumber(o.mean)}` };
  }
  if (relation === 'rose' || relation === 'fell') {
    if (f.kind !== 'effect' || !f.numeric) return fail('relation-not-for-fact', `${f.id}: levels that are not numbers neither rise nor fall`);
    if ((relation === 'rose') !== f.change > 0 || f.change === 0) return fail('relation-false', `${f.id}: from the first level to the last it ${f.change > 0 ? 'rose' : f.change < 0 ? 'fell' : 'did not move'}`);
    return { ok: true, resolved: { facts: [f], relation }, check: `first → last level change ${formatNumber(f.change)} ${f.change > 0 ? '> 0' : '< 0'}` };
  }
  const noise = noiseCheck(f.significant, f.p, relation);
  if (typeof noise !== 'string') return noise;
  return { ok: true, resolved: { facts: [f], relation }, check: noise };
}

function sweepCheck(f: SweepFact, relation: Relation, subject: string | undefined): ClaimCheck {
  if (relation === 'best' || relation === 'worst') {
    const edge = relation === 'best' ? f.best : f.worst;
    if (f.best.mean === f.worst.mean) return fail('relation-false', `${f.id}: every configuration is equal`);
    if (subject !== undefined && !sameConfiguration(subject, edge.labels)) {
      const other = relation === 'best' ? f.worst : f.best;
      return sameConfiguration(subject, other.labels) ? fail('relation-false', `${f.id}: the one named is the ${relation === 'best' ? 'worst' : 'best'} configuration`) : fail('unknown-entity', `${f.id} states no configuration of that name as its ${relation}`);
    }
    return { ok: true, resolved: { facts: [f], relation, subject: edge }, check: `${edge.name} ${formatNumber(edge.mean)} is the ${relation} of ${f.configurations} configurations` };
  }
  if (relation === 'within-noise') {
    if (!f.withinNoise) return fail('relation-false', `${f.id}: ${f.beyondNoise.length > 0 ? 'a factor moves it beyond the noise' : 'not every factor could be tested'}`);
    return { ok: true, resolved: { facts: [f], relation }, check: 'no main effect beyond the noise' };
  }
  if (f.beyondNoise.length === 0) return fail('relation-false', `${f.id}: no factor moves it beyond the noise`);
  return { ok: true, resolved: { facts: [f], relation }, check: `main effects beyond the noise: ${f.beyondNoise.join(', ')}` };
}

function changeCheck(f: ChangeFact, relation: Relation, subject: string | undefined): ClaimCheck {
  if (subject !== undefined && !namesSeries(subject, f)) return fail('unknown-entity', `${f.id} is about another series than the one named`);
  const ok = (check: string): ClaimCheck => ({ ok: true, resolved: { facts: [f], relation }, check });
  const change = formatNumber(f.change);
  switch (relation) {
    case 'rose':
    case 'fell':
      if ((relation === 'rose' ? f.change > 0 : f.change < 0)) return ok(`change ${change} ${f.change > 0 ? '> 0' : '< 0'}`);
      return fail('relation-false', `${f.id} ${f.change > 0 ? 'rose' : f.change < 0 ? 'fell' : 'did not move'}`);
    case 'improved':
    case 'regressed':
    case 'unchanged':
    case 'inconclusive':
      return f.verdict === relation ? ok(`verdict ${f.verdict}`) : fail('relation-false', `${f.id}'s verdict is ${f.verdict}`);
    case 'exceeds-threshold':
      return Math.abs(f.change) > f.threshold ? ok(`|change| ${formatNumber(Math.abs(f.change))} > threshold ${f.threshold}`) : fail('relation-false', `${f.id} moved less than its threshold`);
    case 'fails-gate':
      return f.gated && f.verdict === 'regressed' ? ok('gated and regressed') : fail('relation-false', `${f.id} ${f.gated ? `is ${f.verdict}` : 'does not gate'}, so it cannot fail the gate`);
    case 'largest-change':
      return f.largest ? ok(`largest |change| of ${f.compared} compared series`) : fail('relation-false', `${f.id} is not the largest change`);
    case 'beyond-noise':
    case 'within-noise': {
      if (!f.interval) return fail('relation-false', `${f.id} has no interval to judge the noise by`);
      const beyond = f.interval[0] > 0 || f.interval[1] < 0;
      if (beyond !== (relation === 'beyond-noise')) return fail('relation-false', `${f.id}'s interval ${beyond ? 'excludes' : 'holds'} zero`);
      return ok(`interval ${formatNumber(f.interval[0])} … ${formatNumber(f.interval[1])} ${beyond ? 'excludes' : 'holds'} zero`);
    }
    default:
      return fail('relation-not-for-fact', `${relation} does not apply to a change`);
  }
}

function stabilityCheck(f: StabilityFact, relation: Relation, subject: string | undefined): ClaimCheck {
  const kinds = relation === 'warm-up' ? ['warm-up'] : ['scatter', 'runs'];
  const items = f.items.filter((i) => kinds.includes(i.kind));
  if (items.length === 0) return fail('relation-false', `${f.id} notes no ${relation === 'warm-up' ? 'warm-up' : 'scatter'}`);
  if (subject === undefined) return { ok: true, resolved: { facts: [f], relation }, check: `${items.length} series noted` };
  const named = stabilityItem(subject, f, kinds);
  if (!named) return fail('unknown-entity', `${f.id} notes no such series as ${relation === 'warm-up' ? 'warming up' : 'noisy'}`);
  return { ok: true, resolved: { facts: [f], relation, subject: named }, check: `${named} noted` };
}

function oneFact(f: Fact, relation: Relation, subject: string | undefined, object: string | undefined): ClaimCheck {
  switch (f.kind) {
    case 'gate': {
      const holds = relation === 'passes' ? f.verdict === 'pass' : f.verdict === 'regression';
      return holds ? { ok: true, resolved: { facts: [f], relation }, check: `verdict ${f.verdict}` } : fail('relation-false', `the gate's verdict is ${f.verdict}`);
    }
    case 'change':
      return changeCheck(f, relation, subject);
    case 'ranking':
    case 'effect':
      return levelsCheck(f, relation, subject, object);
    case 'sweep':
      return sweepCheck(f, relation, subject);
    case 'stability':
      return stabilityCheck(f, relation, subject);
  }
}

/** Two changes compared by their current values: same unit, so the numbers mean the same. */
function changePair(a: ChangeFact, b: ChangeFact, relation: Relation, subject: string | undefined, object: string | undefined): ClaimCheck {
  if (a.unit !== b.unit || a.metric !== b.metric) return fail('relation-not-for-fact', `${a.id} and ${b.id} measure different things`);
  if ((subject !== undefined && !namesSeries(subject, a)) || (object !== undefined && !namesSeries(object, b))) return fail('unknown-entity', `${a.id} and ${b.id} are about other series than the ones named`);
  const holds = compare(a.head, b.head, relation, a.direction);
  if (holds === undefined) return fail('relation-not-for-fact', `${a.id} has no better direction`);
  if (!holds) return fail('relation-false', `${a.id} ${formatNumber(a.head)} is not ${relation} than ${b.id} ${formatNumber(b.head)}`);
  return { ok: true, resolved: { facts: [a, b], relation }, check: `${formatNumber(a.head)} ${relation} than ${formatNumber(b.head)}` };
}

/**
 * Decides whether a claim holds. Unknown fact ids, a relation outside the
 * set or not meant for the fact's kind, a named entity the fact does not
 * hold, and a relation the numbers contradict all fail, with a reason written
 * by code (it never quotes the model). Two facts: either both must satisfy
 * a one-fact relation, or two changes are compared (higher, lower, better, worse).
 */
export function checkClaim(raw: RawClaim, facts: ReadonlyMap<string, Fact>): ClaimCheck {
  const relation = raw.relation.trim().toLowerCase() as Relation;
  if (!RELATIONS.includes(relation)) return fail('relation-not-for-fact', 'a relation outside the closed set');
  const ids = [...new Set(raw.facts.map((id) => id.trim().toUpperCase()))];
  if (ids.length === 0) return fail('unknown-fact', `${relation} cites no fact`);
  if (ids.length > 2) return fail('over-limit', `${relation} cites more than two facts`);
  const cited = ids.map((id) => facts.get(id));
  const known = cited.filter((f): f is Fact => f !== undefined);
  if (known.length < cited.length) return fail('unknown-fact', `${relation} cites a fact that does not exist`);
  for (const f of known) if (!APPLIES[f.kind].includes(relation)) return fail('relation-not-for-fact', `${relation} does not apply to ${f.id} (${f.kind})`);
  const subject = raw.subject?.trim() ? raw.subject : undefined;
  const object = raw.object?.trim() ? raw.object : undefined;
  if (known.length === 1) return oneFact(known[0] as Fact, relation, subject, object);
  const [a, b] = known as [Fact, Fact];
  if (PAIR.includes(relation)) {
    if (a.kind !== 'change' || b.kind !== 'change') return fail('relation-not-for-fact', `${relation} across two facts compares two changes only`);
    return changePair(a, b, relation, subject, object);
  }
  if (subject !== undefined || object !== undefined) return fail('unknown-entity', `${relation} over two facts names no entity`);
  const checks: string[] = [];
  for (const f of known) {
    const one = oneFact(f, relation, undefined, undefined);
    if (!one.ok) return one;
    checks.push(`${f.id}: ${one.check}`);
  }
  return { ok: true, resolved: { facts: known, relation }, check: checks.join('; ') };
}
