import { formatThreshold } from '../baseline/config.js';
import { gatedRegressions, nothingGatable } from '../baseline/gate.js';
import { labelsPlain, pText, ratioText, signedPercent, valueText } from '../findings/text.js';
import type { ChangeFact, EffectFact, Fact, FactLevel, GateFact, RankingFact, Relation, StabilityFact, SweepFact } from '../model/llm.js';
import type { Report } from '../model/report.js';
import { formatChange, formatNumber } from '../util/numbers.js';
import { plural } from '../util/text.js';
import { levelsBestFirst } from './facts.js';
import { readsAsClaim } from './prose.js';

/**
 * The sentences the narrative shows, written by code from the facts: every
 * number, unit, name, direction and verdict in them comes from here. The
 * model only chose which fact and relation to state.
 */

function levelValue(l: FactLevel, unit: string): string {
  return `${valueText(l.mean, unit)}${l.n !== null && l.n > 1 ? ` (n=${l.n})` : ''}`;
}

function ratioOf(a: number, b: number): string | undefined {
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  return lo > 0 ? ratioText(hi / lo) : undefined;
}

function noise(significant: boolean | null, p: number | null): string {
  if (significant === true) return `beyond the noise${p !== null ? ` (${pText(p)})` : ''}`;
  if (significant === false) return `within the noise${p !== null ? ` (${pText(p)})` : ''}`;
  return 'not tested against the noise';
}

function labelsText(labels: Record<string, string>): string {
  return Object.keys(labels).length > 0 ? ` (${shown(labelsPlain(labels))})` : '';
}

/**
 * A repository's name that reads as a verdict, a direction, a cause or words
 * to the reader (a level `the gate passes`, a label `no regressions`) is
 * quoted where code writes it, so it reads as the name it is, not as a
 * sentence of the report.
 */
function shown(name: string): string {
  return readsAsClaim(name) ? `“${name}”` : name;
}

/** `tokens_s (backend=eager, batch_size=8)`. */
function changeName(f: ChangeFact): string {
  return `${shown(f.metric)}${labelsText(f.labels)}`;
}

function changeVerdict(f: ChangeFact): string {
  const threshold = formatThreshold(f.threshold);
  if (f.verdict === 'regressed') return f.gated ? `a regression past its ${threshold} threshold that fails the gate` : `a regression past its ${threshold} threshold (this metric does not gate)`;
  if (f.verdict === 'improved') return `an improvement past its ${threshold} threshold`;
  if (f.verdict === 'inconclusive') return `inconclusive: the data cannot tell whether it passed its ${threshold} threshold`;
  return `unchanged against its ${threshold} threshold`;
}

/**
 * A metric measured in percent moves by points and by a share of itself:
 * "rose 5.0%" from 80 % to 84 % would read as 5 points. Its move is stated
 * in points, with the relative change named as such.
 */
function isPercent(unit: string): boolean {
  return unit.trim() === '%';
}

/** "17.5%", or "4 pp (5.0% relative)" for a metric in percent. */
function moveSize(change: number, base: number | undefined, head: number | undefined, unit: string): string {
  const relative = formatChange(change).slice(1);
  if (!isPercent(unit)) return relative;
  return base !== undefined && head !== undefined ? `${formatNumber(Math.abs(head - base))} pp (${relative} relative)` : `${relative} relative`;
}

function changeStatement(f: ChangeFact, relation: Relation): string {
  const moved = f.change > 0 ? 'rose' : f.change < 0 ? 'fell' : 'did not move';
  const size = f.change !== 0 ? ` ${moveSize(f.change, f.base, f.head, f.unit)}` : '';
  const interval = f.interval ? ` (${isPercent(f.unit) ? 'relative ' : ''}interval ${formatChange(f.interval[0])} … ${formatChange(f.interval[1])})` : '';
  const extra: string[] = [];
  if (relation === 'largest-change') extra.push(`the largest move of the ${plural(f.compared, 'compared series', 'compared series')}`);
  if (relation === 'beyond-noise' || relation === 'within-noise') extra.push(relation === 'beyond-noise' ? 'beyond the noise' : 'within the noise');
  return `${changeName(f)} ${moved}${size} from ${valueText(f.base, f.unit)} to ${valueText(f.head, f.unit)}${interval}: ${changeVerdict(f)}${extra.map((e) => `; ${e}`).join('')}`;
}

function rankingSubject(f: RankingFact): string {
  const over = f.over.length > 0 ? ` over all ${f.over.join(' × ')} settings` : '';
  return `${shown(f.metric)} by ${shown(f.factor)}${over}${labelsText(f.labels)}`;
}

function bestWorst(f: RankingFact | EffectFact, relation: 'best' | 'worst', where: string): string {
  const ranked = levelsBestFirst(f);
  const top = ranked[0] as FactLevel;
  const bottom = ranked[ranked.length - 1] as FactLevel;
  const r = ratioOf(top.mean, bottom.mean);
  const times = r ? ` (${r})` : '';
  if (f.direction === 'lower') {
    return relation === 'best'
      ? `${shown(top.name)} is best on ${where}, lowest at ${levelValue(top, f.unit)}; ${shown(bottom.name)} is highest at ${valueText(bottom.mean, f.unit)}${times}`
      : `${shown(bottom.name)} is worst on ${where}, highest at ${levelValue(bottom, f.unit)}; ${shown(top.name)} is lowest at ${valueText(top.mean, f.unit)}${times}`;
  }
  return relation === 'best'
    ? `${shown(top.name)} leads ${where} at ${levelValue(top, f.unit)}${r ? `, ${r} ${shown(bottom.name)} (${valueText(bottom.mean, f.unit)})` : `; ${shown(bottom.name)} is lowest at ${valueText(bottom.mean, f.unit)}`}`
    : `${shown(bottom.name)} trails ${where} at ${levelValue(bottom, f.unit)}; ${shown(top.name)} leads at ${valueText(top.mean, f.unit)}${times}`;
}

function pairStatement(a: { name: string; mean: number }, b: { name: string; mean: number }, relation: Relation, where: string, unit: string, direction: Fact['direction']): string {
  const r = ratioOf(a.mean, b.mean);
  const better = relation === 'better' || relation === 'worse' ? ` (${direction} is better)` : '';
  return `${shown(a.name)} is ${relation} than ${shown(b.name)} on ${where}${better}: ${valueText(a.mean, unit)} against ${valueText(b.mean, unit)}${r ? ` (${r})` : ''}`;
}

function rankingStatement(f: RankingFact, relation: Relation, subject: FactLevel | undefined, object: FactLevel | undefined): string {
  const where = rankingSubject(f);
  if (relation === 'best' || relation === 'worst') return `${bestWorst(f, relation, where)}; ${noise(f.significant, f.p)}`;
  if (subject && object) return pairStatement(subject, object, relation, where, f.unit, f.direction);
  const top = f.levels[0] as FactLevel;
  const bottom = f.levels[f.levels.length - 1] as FactLevel;
  return `the differences in ${where} are ${noise(f.significant, f.p)}: ${shown(top.name)} ${valueText(top.mean, f.unit)} … ${shown(bottom.name)} ${valueText(bottom.mean, f.unit)}`;
}

function sweepStatement(f: SweepFact, relation: Relation): string {
  const shape = `${shown(f.metric)} sweep over ${f.factors.join(' × ')}${labelsText(f.labels)} (${f.configurations} configurations)`;
  if (relation === 'within-noise') return `${shape}: no setting's effect on it is beyond the noise (largest spread ${(f.largestSpread * 100).toFixed(1)}%)`;
  const extremes = `best ${shown(f.best.name)} at ${valueText(f.best.mean, f.unit)}, worst ${shown(f.worst.name)} at ${valueText(f.worst.mean, f.unit)}${f.ratio !== null ? ` (${ratioText(f.ratio)})` : ''}`;
  if (relation === 'beyond-noise') return `${shape}: ${f.beyondNoise.join(', ')} ${f.beyondNoise.length === 1 ? 'moves' : 'move'} it beyond the noise; ${extremes}`;
  return `${shape}: ${extremes}`;
}

function effectStatement(f: EffectFact, relation: Relation, subject: FactLevel | undefined, object: FactLevel | undefined): string {
  const where = `${shown(f.metric)} in the sweep`;
  const first = f.levels[0] as FactLevel;
  const last = f.levels[f.levels.length - 1] as FactLevel;
  const how = f.geometric ? 'geometric means' : 'averaged';
  const averaged = f.matched ? `${how} over the other settings every ${shown(f.factor)} ran` : f.unmatched ? `each ${shown(f.factor)} ${f.geometric ? 'a geometric mean' : 'averaged'} over the settings it ran` : `${how} over the other settings`;
  if (relation === 'best' || relation === 'worst') return `${bestWorst(f, relation, `${where} (${averaged})`)}; ${shown(f.factor)} ${noise(f.significant, f.p)}`;
  if (subject && object) return pairStatement(subject, object, relation, `${where} (${averaged})`, f.unit, f.direction);
  const span = first.name.startsWith(`${f.factor}=`) ? `${shown(first.name)} → ${shown(last.name)}` : `${shown(f.factor)} ${shown(first.name)} → ${shown(last.name)}`;
  const change = !Number.isFinite(f.change) ? '' : isPercent(f.unit) ? `${last.mean - first.mean < 0 ? '−' : '+'}${moveSize(f.change, first.mean, last.mean, f.unit)}, ` : `${signedPercent(f.change)}, `;
  return `in the ${shown(f.metric)} sweep, ${span} moves it from ${valueText(first.mean, f.unit)} to ${valueText(last.mean, f.unit)} (${change}${averaged}), ${noise(f.significant, f.p)}`;
}

function stabilityStatement(f: StabilityFact, relation: Relation, subject: string | undefined): string {
  const kinds = relation === 'warm-up' ? ['warm-up'] : ['scatter', 'runs'];
  const items = f.items.filter((i) => kinds.includes(i.kind));
  const named = items.find((i) => i.name === subject) ?? items[0];
  const what = relation === 'warm-up' ? `the first sample stands out in ${plural(items.length, 'series', 'series')}` : `${plural(items.length, 'series scatters', 'series scatter')} widely`;
  return `${f.scope}: ${what}${named ? `, ${items.length > 1 ? 'e.g. ' : ''}${shown(named.name)} (${named.note})` : ''}`;
}

/** The gate's verdict as one sentence; the narrative always leads with it, whatever the model wrote. */
export function verdictStatement(report: Pick<Report, 'comparison'>, gate: GateFact): string {
  switch (gate.verdict) {
    case 'none':
      return 'No baseline was asked for, so nothing is compared and nothing can fail.';
    case 'error':
      return 'The baseline could not be used, so nothing is compared; the run fails on that error, not on the data.';
    case 'no-baseline':
      return 'There is no baseline to compare with, so nothing is gated and nothing can fail.';
    case 'regression': {
      const first = report.comparison ? gatedRegressions(report.comparison)[0] : undefined;
      const move = (c: NonNullable<typeof first>) => (c.change === null ? '' : ` ${c.change < 0 ? '−' : '+'}${moveSize(c.change, c.base?.value, c.head?.value, c.unit)}`);
      const named = first ? `: ${shown(first.metric)}${labelsText(first.labels)}${move(first)}${gate.gatedRegressed > 1 ? ` and ${gate.gatedRegressed - 1} more` : ''}` : '';
      return `The gate fails: ${plural(gate.gatedRegressed, 'gated metric')} regressed past ${gate.gatedRegressed === 1 ? 'its' : 'their'} threshold${named}.`;
    }
    case 'pass': {
      const ungated = gate.regressed - gate.gatedRegressed;
      // A gate that selects none of the compared metrics passes by construction: saying so keeps "passes" from reading as a clean bill.
      const why = report.comparison ? nothingGatable(report.comparison) : undefined;
      if (why !== undefined) {
        const setting = why === 'gate-none' ? 'the gate input is none' : 'none of them is a throughput, the default gate';
        return `The gate passes, but nothing could fail it: ${plural(gate.compared, 'series', 'series')} compared and ${setting}${ungated > 0 ? ` (${plural(ungated, 'metric')} regressed without gating)` : ''}.`;
      }
      return `The gate passes: ${plural(gate.compared, 'series', 'series')} compared, no gated metric regressed past its threshold${ungated > 0 ? ` (${plural(ungated, 'metric')} that ${ungated === 1 ? 'does' : 'do'} not gate regressed)` : ''}.`;
    }
  }
}

export interface Resolved {
  facts: Fact[];
  relation: Relation;
  subject?: FactLevel | string;
  object?: FactLevel | string;
}

/** The sentence stating a claim that held, from its facts alone; it ends without a full stop. */
export function claimStatement(claim: Resolved, report: Pick<Report, 'comparison'>): string {
  const sentences = claim.facts.map((f, i) => {
    const subject = i === 0 && typeof claim.subject === 'object' ? claim.subject : undefined;
    const object = typeof claim.object === 'object' ? claim.object : undefined;
    switch (f.kind) {
      case 'gate':
        return verdictStatement(report, f).replace(/\.$/, '');
      case 'change':
        return changeStatement(f, claim.relation);
      case 'ranking':
        return rankingStatement(f, claim.relation, subject, object);
      case 'sweep':
        return sweepStatement(f, claim.relation);
      case 'effect':
        return effectStatement(f, claim.relation, subject, object);
      case 'stability':
        return stabilityStatement(f, claim.relation, typeof claim.subject === 'string' ? claim.subject : undefined);
    }
  });
  // Two change facts compared: one sentence about both.
  if (claim.facts.length === 2 && ['higher', 'lower', 'better', 'worse'].includes(claim.relation)) {
    const [a, b] = claim.facts as [ChangeFact, ChangeFact];
    return `${pairStatement({ name: changeName(a), mean: a.head }, { name: changeName(b), mean: b.head }, claim.relation, 'this run', a.unit, a.direction)}`;
  }
  const joined = sentences.join('; ');
  return /^(the|in) /.test(joined) ? `${joined.charAt(0).toUpperCase()}${joined.slice(1)}` : joined;
}
