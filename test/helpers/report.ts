import { summariseInventory } from '../../src/discover/inventory.js';
import type { Report } from '../../src/model/report.js';

/** A report with no files, series or findings: the frame for tests of one section. */
export function emptyReport(extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: 'chimera-insight',
    toolVersion: '0.1.0',
    generatedAt: '2026-01-02T00:00:00.000Z',
    root: 'bench',
    inventory: summariseInventory([], { checkout: false, shallow: false }),
    series: [],
    experiments: { replicateGroups: [], factors: [], seriesBeforePooling: 0 },
    findings: [],
    narrative: { status: 'skipped', reason: 'test' },
    timings: { discoverMs: 0, parseMs: 0, analyzeMs: 0, renderMs: 0 },
    config: {},
    ...extra,
  };
}
