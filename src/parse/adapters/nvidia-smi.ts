import { SampleAccumulator } from '../../metrics/accumulator.js';
import { CsvRecordReader } from '../csv-records.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, firstLine } from './util.js';

/**
 * nvidia-smi's CSV query logs, as written by
 *
 *     nvidia-smi --query-gpu=timestamp,index,name,utilization.gpu,memory.used,power.draw,temperature.gpu,clocks.sm \
 *       --format=csv[,nounits] -l 1 > gpu.csv
 *
 *     timestamp, index, name, utilization.gpu [%], memory.used [MiB], power.draw [W], temperature.gpu, clocks.current.sm [MHz]
 *     2025/03/04 10:00:01.250, 0, NVIDIA H100 80GB HBM3, 97 %, 61234 MiB, 612.40 W, 64, 1980 MHz
 *
 * and `--query-compute-apps=timestamp,gpu_bus_id,gpu_name,pid,process_name,used_memory` (one row per
 * process). The header names each field with its unit in brackets, with or without `nounits`;
 * without it every cell repeats the unit. Fields are separated by `, ` and never quoted.
 *
 * A GPU log is telemetry, not a score: each numeric field is one series per GPU, its samples the
 * logged readings over time, and no direction is claimed (more power or a higher clock is neither
 * better nor worse by itself; set `directions` to gate on one). The generic CSV reader pooled the
 * GPUs (`index` is a number) and took a clock with few distinct values for a label.
 */

/** One header field: the query name and the unit nvidia-smi writes after it (`memory.used [MiB]`). */
interface Field {
  name: string;
  unit: string | undefined;
}

function fieldOf(raw: string): Field {
  const text = raw.trim();
  const m = /^(.*?)\s*\[([^\]]*)\]$/.exec(text);
  return m ? { name: m[1] as string, unit: m[2] as string } : { name: text, unit: undefined };
}

/** `--query-gpu` names: the dotted families of `nvidia-smi --help-query-gpu`, and the plain names. */
const GPU_DOTTED =
  /^(utilization|memory|power|temperature|clocks|clocks_throttle_reasons|clocks_event_reasons|fan|pcie|pci|enforced|encoder|ecc|retired_pages|remapped_rows|inforom|gom|mig|accounting|driver_model|protected_memory|fabric|reset_status|module|gpu_recovery_action|clocks_max)\.[a-z0-9_.]+$/i;
const GPU_PLAIN = new Set(['timestamp', 'index', 'name', 'uuid', 'serial', 'driver_version', 'count', 'pstate', 'compute_mode', 'persistence_mode', 'vbios_version', 'display_mode', 'display_active', 'compute_cap', 'addressing_mode']);
/** `--query-compute-apps` names. The query `used_memory` is printed `used_gpu_memory` in the header; both are accepted. */
const APPS_FIELDS = new Set(['timestamp', 'gpu_name', 'gpu_bus_id', 'gpu_serial', 'gpu_uuid', 'pid', 'process_name', 'used_gpu_memory', 'used_memory']);

type Kind = 'gpu' | 'apps';

function kindOf(header: readonly Field[]): Kind | undefined {
  const names = header.map((f) => f.name.toLowerCase());
  if (names.length < 2) return undefined;
  if (names.every((n) => GPU_PLAIN.has(n) || GPU_DOTTED.test(n)) && names.filter((n) => n.includes('.')).length >= 2) return 'gpu';
  if (names.every((n) => APPS_FIELDS.has(n)) && names.some((n) => n === 'used_gpu_memory' || n === 'used_memory')) return 'apps';
  return undefined;
}

function headerOf(text: string): Field[] | undefined {
  const line = firstLine(text);
  return line === undefined ? undefined : line.replace(/^\uFEFF/, '').split(',').map(fieldOf);
}

/**
 * Fields that name, date or describe a GPU or a process rather than measure it: never series.
 * Ids and versions can look like numbers (`driver_version` 550.54, `compute_cap` 9.0, `pid`).
 */
const NOT_MEASURED =
  /^(timestamp|index|uuid|serial|gpu_serial|gpu_uuid|gpu_bus_id|gpu_name|name|process_name|pid|count|driver_version|vbios_version|pstate|compute_mode|persistence_mode|display_mode|display_active|compute_cap|addressing_mode)$|^(pci|accounting|mig|ecc\.mode|driver_model|inforom|gom|clocks_throttle_reasons|clocks_event_reasons|retired_pages\.pending|fabric)\./i;

/**
 * The column naming each row's GPU, in order of preference. `index` is stable for a machine and
 * the same on identical machines of a runner pool; a UUID is neither (a different board is a
 * different series), so it is used only when the log has nothing else.
 */
const GPU_ID: Record<Kind, readonly string[]> = { gpu: ['index', 'pci.bus_id', 'uuid'], apps: ['gpu_bus_id', 'gpu_uuid'] };
/** Columns that become labels besides the GPU id: the board's name, and for processes their name (pids change every run). */
const LABELS: Record<Kind, readonly [column: string, label: string][]> = {
  gpu: [['name', 'name']],
  apps: [['gpu_name', 'name'], ['process_name', 'process']],
};

/** nvidia-smi's placeholders for a reading it could not take: `[N/A]`, `[Not Supported]`, `[Unknown Error]`, `[Insufficient Permissions]`. */
const MISSING = /^(\[[^\]]*\]|N\/A)$/i;
const READING = /^([-+]?\d+(?:\.\d+)?)(?:\s*(\S+))?$/;

/** Temperatures are the one numeric family written without a bracketed unit: degrees Celsius. */
function unitOf(field: Field): string {
  if (field.unit !== undefined) return field.unit;
  return /^temperature\./i.test(field.name) ? 'C' : '';
}

/** `unreadable`: digits past what a double holds (`1e400` reads as Infinity), never a first reading that makes the column text. */
type Cell = { value: number } | 'missing' | 'text' | 'unreadable';

/** A reading as nvidia-smi writes it, with or without its unit (`250.12 W`, `250.12`). */
function readCell(cell: string, unit: string): Cell {
  const text = cell.trim();
  if (text === '' || MISSING.test(text)) return 'missing';
  const m = READING.exec(text);
  if (!m) return 'text';
  // A unit in the cell must be the header's: `12 GiB` under `[MiB]` would be off by 1024.
  if (m[2] !== undefined && m[2].toLowerCase() !== unit.toLowerCase()) return 'text';
  const value = Number(m[1]);
  return Number.isFinite(value) ? { value } : 'unreadable';
}

/** One numeric column and what its cells held; `text` once its first reading was not a number. */
interface Measure {
  at: number;
  metric: string;
  unit: string;
  readings: number;
  missing: number;
  unreadable: number;
  firstUnreadable?: { line: number; cell: string };
  text: boolean;
}

interface Gpu {
  labels: Record<string, string>;
  line: number;
  /** Samples per measure, by the measure's position. */
  samples: (SampleAccumulator | undefined)[];
}

/**
 * Reads the log record by record: nothing but one accumulator per GPU and field is kept (each
 * bounded, src/metrics/accumulator.ts), so an all-day log at one reading a second is not held twice.
 */
class GpuLog {
  private header: Field[] | undefined;
  private kind: Kind = 'gpu';
  private measures: Measure[] = [];
  private idAt = -1;
  private labelAt: [label: string, at: number][] = [];
  /** A column whose text may hold the separator (`process_name` of `chrome --type=gpu,…`): surplus fields are joined into it. */
  private freeAt = -1;
  private readonly gpus = new Map<string, Gpu>();
  private short = 0;
  private firstShort: number | undefined;

  constructor(private readonly result: AdapterResult) {}

  take(fields: string[], line: number): void {
    if (!this.header) {
      this.start(fields.map(fieldOf));
      return;
    }
    const header = this.header;
    const cells = this.fitted(fields, header.length);
    if (!cells) {
      this.short += 1;
      this.firstShort ??= line;
      return;
    }
    // Logs appended run after run repeat the header.
    if (cells[0]?.trim().startsWith(header[0]?.name ?? '') && cells.every((c, i) => fieldOf(c).name === header[i]?.name)) return;
    this.result.rows += 1;
    if (this.result.rows > LIMITS.rows) throw new LimitError(limitMessages.rows(), line);
    const gpu = this.gpuOf(cells, line);
    this.measures.forEach((m, k) => {
      if (m.text) return;
      const cell = readCell(cells[m.at] ?? '', m.unit);
      if (cell === 'missing') m.missing += 1;
      else if (cell === 'text' || cell === 'unreadable') {
        // A column whose first reading is text (`pstate` P0, a bitmask) describes, it does not measure.
        if (cell === 'text' && m.readings === 0 && m.unreadable === 0) m.text = true;
        else {
          m.unreadable += 1;
          m.firstUnreadable ??= { line, cell: (cells[m.at] ?? '').trim().slice(0, 40) };
        }
      } else {
        m.readings += 1;
        (gpu.samples[k] ??= new SampleAccumulator()).add(cell.value);
      }
    });
  }

  finish(): void {
    const { result } = this;
    for (const gpu of this.gpus.values()) {
      this.measures.forEach((m, k) => {
        const samples = gpu.samples[k];
        if (!samples || m.text) return;
        result.add({ metric: m.metric, labels: { ...gpu.labels }, unitHint: m.unit, directionHint: 'none', samples, line: gpu.line });
      });
    }
    for (const m of this.measures) {
      if (m.text) continue;
      const total = m.readings + m.missing + m.unreadable;
      if (m.missing > 0) result.problems.add(undefined, `${m.metric}: ${m.missing} of ${total} readings were [N/A] or [Not Supported]${m.readings === 0 ? '; no series' : '; left out'}`);
      if (m.firstUnreadable) result.problems.add(m.firstUnreadable.line, `${m.metric}: ${m.unreadable} reading${m.unreadable === 1 ? ' is' : 's are'} not a number in ${m.unit === '' ? 'no unit' : m.unit} (first: "${m.firstUnreadable.cell}"); left out`);
    }
    if (this.firstShort !== undefined) result.problems.add(this.firstShort, `${this.short} row${this.short === 1 ? ' has' : 's have'} fewer fields than the header; skipped`);
  }

  private start(header: Field[]): void {
    if (header.length > LIMITS.columns) throw new LimitError(limitMessages.columns(), 1);
    this.header = header;
    this.kind = kindOf(header) ?? 'gpu';
    const at = (name: string) => header.findIndex((f) => f.name.toLowerCase() === name);
    this.idAt = GPU_ID[this.kind].map(at).find((i) => i >= 0) ?? -1;
    this.labelAt = LABELS[this.kind].map(([column, label]) => [label, at(column)] as [string, number]).filter(([, i]) => i >= 0);
    this.freeAt = at(this.kind === 'apps' ? 'process_name' : 'name');
    header.forEach((f, i) => {
      if (NOT_MEASURED.test(f.name)) return;
      // A header naming the query (`used_memory`) rather than nvidia-smi's print of it: one name keeps the series' id.
      const metric = f.name === 'used_memory' ? 'used_gpu_memory' : f.name;
      this.measures.push({ at: i, metric, unit: unitOf(f), readings: 0, missing: 0, unreadable: 0, text: false });
    });
  }

  /** The row's cells, one per header field; undefined when it has too few. */
  private fitted(fields: string[], width: number): string[] | undefined {
    if (fields.length === width) return fields;
    if (fields.length < width) return undefined;
    if (this.freeAt < 0) return fields.slice(0, width);
    const surplus = fields.length - width;
    // nvidia-smi does not quote: the free-text field's own commas split it, and rejoining restores it.
    const joined = fields.slice(this.freeAt, this.freeAt + surplus + 1).join(',');
    return [...fields.slice(0, this.freeAt), joined, ...fields.slice(this.freeAt + surplus + 1)];
  }

  private gpuOf(cells: string[], line: number): Gpu {
    const labels: Record<string, string> = {};
    if (this.idAt >= 0) labels.gpu = (cells[this.idAt] ?? '').trim();
    for (const [label, at] of this.labelAt) {
      const value = (cells[at] ?? '').trim();
      if (value !== '' && !MISSING.test(value)) labels[label] = value.slice(0, 120);
    }
    // One series per GPU (and per process name): the board's name is the same on every row of an index.
    const key = this.kind === 'apps' ? `${labels.gpu ?? ''}\u0000${labels.process ?? ''}` : labels.gpu ?? '';
    const known = this.gpus.get(key);
    if (known) return known;
    if ((this.gpus.size + 1) * Math.max(this.measures.length, 1) > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile('GPU/field combinations'), line);
    const gpu: Gpu = { labels, line, samples: [] };
    this.gpus.set(key, gpu);
    return gpu;
  }
}

/** nvidia-smi's own timestamp, `2025/03/04 10:00:01.250`: slashes and milliseconds, as no header field is written. */
const NVSMI_TIME = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;
/** A reading with a unit nvidia-smi writes in its cells (`97 %`, `61234 MiB`, `612.40 W`, `1980 MHz`). */
const UNIT_READING = /^[-+]?\d+(?:\.\d+)?\s(?:%|MiB|W|MHz)$/;

/**
 * A `--format=csv,noheader` log: its first line is already a reading, fields joined by `, `, with
 * nvidia-smi's timestamp first or a unit after every cell. Nothing else in it names a column.
 */
function isHeaderless(line: string): boolean {
  if (!line.includes(', ')) return false;
  const cells = line.replace(/^\uFEFF/, '').split(',').map((c) => c.trim());
  if (cells.length < 2) return false;
  return NVSMI_TIME.test(cells[0] as string) || cells.every((c) => UNIT_READING.test(c));
}

/**
 * Without the header a column is known only by its unit, and a unit names no field: `%` is
 * utilization.gpu, utilization.memory or fan.speed, `MiB` memory.used, memory.free or
 * memory.total, `W` power.draw or power.limit, `MHz` any clock, and `nounits` drops even that.
 * Naming series by position would compare whatever field came first in one run's query with
 * whatever came first in the next, so such a log is not read; it is named, so the generic
 * reader does not take its first readings for column names.
 */
const HEADERLESS =
  'nvidia-smi log without its header line (--format=csv,noheader): the columns are not named, and a reading in % could be utilization.gpu, utilization.memory or fan.speed, one in MiB memory.used, memory.free or memory.total, so none is read; log with --format=csv to keep the header';

function parseLog(text: string): ParseOutcome {
  const result = new AdapterResult('nvidia-smi');
  const log = new GpuLog(result);
  const reader = new CsvRecordReader(',', {
    record: (fields, line) => log.take(fields, line),
    fatal: (line, reason) => result.problems.add(line, reason === 'unclosed-quote' ? 'a quoted field is never closed; the rest of the file could not be read' : 'a record is too long; the rest of the file could not be read'),
  });
  reader.push(text);
  reader.end();
  log.finish();
  return result.outcome('no numeric readings under the nvidia-smi header');
}

/**
 * nvidia-smi `--query-gpu` / `--query-compute-apps` logs (`--format=csv`, with or without
 * `nounits`). Detected by a header whose every field is an nvidia-smi query name, at least two
 * of them dotted (`utilization.gpu`, `memory.used`), or the compute-apps fields with
 * `used_gpu_memory`. A `noheader` log (nvidia-smi's timestamp first, or a unit in every cell)
 * names no column and is claimed only to be skipped with the reason.
 */
export const nvidiaSmi: ToolAdapter = {
  name: 'nvidia-smi',
  types: ['csv'],
  detect(input: AdapterInput): boolean {
    // Every CSV of a tree is offered here: a first line without a dotted query name is refused unsplit.
    const line = firstLine(input.text);
    if (line === undefined) return false;
    if (/[a-z]\.[a-z]|used_(gpu_)?memory/i.test(line)) {
      const header = headerOf(input.text);
      if (header !== undefined && kindOf(header) !== undefined) return true;
    }
    return /^\uFEFF?\d{4}\/|\d (%|MiB|W|MHz)(,|$)/.test(line) && isHeaderless(line);
  },
  parse(input: AdapterInput): ParseOutcome {
    const line = firstLine(input.text);
    if (line !== undefined && isHeaderless(line)) return skipped(HEADERLESS);
    const header = headerOf(input.text);
    if (header === undefined || kindOf(header) === undefined) return skipped('not an nvidia-smi query log: the header must name nvidia-smi query fields (utilization.gpu, memory.used, …)');
    return parseLog(input.text);
  },
};
