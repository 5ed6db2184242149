import type { FileType } from '../../model/report.js';
import type { DuplicateKey } from '../json-scan.js';
import type { ParseOutcome } from '../types.js';

/** What a tool adapter sees of one file: its text, and the parsed value when it is valid JSON. */
export interface AdapterInput {
  /** Workspace-relative path with forward slashes. */
  path: string;
  type: FileType;
  text: string;
  /** The parsed document for JSON files that parse; undefined otherwise. */
  json?: unknown;
  /**
   * Set when `text` is only the head of a larger file (complete lines of its
   * first 8 KiB): big CSV/JSONL are sniffed, not read, unless an adapter claims
   * them. Only `detect` ever sees a truncated input; `parse` gets the whole file.
   */
  truncated?: boolean;
}

/**
 * Reads the native output of one benchmark tool. `detect` looks at content
 * (the path only as a tie-breaker), is cheap and never throws; `parse` turns
 * the file into series with the tool's own names, units and directions.
 */
export interface ToolAdapter {
  /** Shown in the inventory and accepted by the `format` input, e.g. `pytest-benchmark`. */
  name: string;
  /** File types the tool writes; other files are never offered to it. */
  types: readonly FileType[];
  detect(input: AdapterInput): boolean;
  parse(input: AdapterInput): ParseOutcome;
  /**
   * A duplicated key the tool writes by design, not a fault of the file
   * (fio 2 pads its percentile list with repeated `"0.00": 0`): dropped from
   * the document like any duplicate, but not reported.
   */
  expectedDuplicate?(duplicate: DuplicateKey): boolean;
  /**
   * The tool writes bare `NaN`/`Infinity` (JSON does not allow them) and the
   * adapter reports each such value it leaves out: only such an adapter is
   * offered a document that needed them read as the strings `"NaN"`,
   * `"Infinity"`; any other reader refuses the file with the value's line.
   */
  readsNonFinite?: true;
  /**
   * Reads a file too big to hold (a load tool's stream of samples) line by
   * line, at any size, instead of `parse` on the whole text; `null` is a line
   * past LIMITS.lineChars. `input.text` is then only the file's head.
   */
  parseLines?(input: AdapterInput, lines: AsyncIterable<string | null>): Promise<ParseOutcome>;
}
