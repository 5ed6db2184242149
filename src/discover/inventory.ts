import type { FileEntry, FileType, Inventory, TypeSummary } from '../model/report.js';

const TYPE_ORDER: FileType[] = ['csv', 'json', 'jsonl', 'markdown', 'text', 'other'];

export function summariseInventory(files: FileEntry[], git: Inventory['git']): Inventory {
  const byType = new Map<FileType, TypeSummary>();
  const adapters = new Map<string, number>();
  const totals = { found: 0, parsed: 0, documents: 0, skipped: 0, failed: 0, series: 0, rows: 0, excludedRows: 0 };
  for (const f of files) {
    const t = byType.get(f.type) ?? { type: f.type, found: 0, parsed: 0, documents: 0, skipped: 0, failed: 0 };
    t.found += 1;
    totals.found += 1;
    if (f.status === 'parsed' && f.document) {
      t.documents += 1;
      totals.documents += 1;
    } else if (f.status === 'parsed') {
      t.parsed += 1;
      totals.parsed += 1;
    } else {
      t[f.status] += 1;
      totals[f.status] += 1;
    }
    if (f.modified && (!t.latestModified || f.modified.time > t.latestModified)) t.latestModified = f.modified.time;
    if (f.adapter && !f.document) adapters.set(f.adapter, (adapters.get(f.adapter) ?? 0) + 1);
    totals.series += f.series;
    totals.rows += f.rows;
    totals.excludedRows += f.excludedRows;
    byType.set(f.type, t);
  }
  return {
    totals,
    byType: TYPE_ORDER.flatMap((type) => byType.get(type) ?? []),
    adapters: [...adapters].map(([adapter, n]) => ({ adapter, files: n })).sort((a, b) => b.files - a.files || (a.adapter < b.adapter ? -1 : 1)),
    files,
    git,
  };
}
