import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { baselineInput, cliCompareStage, GATE_INPUT_OPTIONS, GATE_USAGE, gateExitCode } from './baseline/cli.js';
import { createSnapshot, writeSnapshot, writeSnapshotJson } from './baseline/snapshot.js';
import { headCommit } from './baseline/sources/git.js';
import { withBaselineIgnored } from './baseline/sources/file.js';
import { buildConfig, ConfigError } from './config.js';
import { NARRATIVE_NOT_AVAILABLE } from './narrative.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { detectSystemHardware } from './hardware/system.js';
import { mergeCompareStage } from './shards/compare.js';
import { mergeShards, type MergedShards } from './shards/merge.js';
import { findShardFolders, readShardFolders } from './shards/read.js';
import { shardCommand } from './shards/cli.js';
import { mergedSnapshot } from './shards/write.js';
import { renderText } from './report/text.js';
import { cliLlmStage, LLM_INPUT_OPTIONS, LLM_USAGE } from './llm/cli.js';
import { writeReportJson, writeReportMarkdown, writeToFile, type Sink } from './report/write.js';
import { logSafe } from './util/log-safe.js';
import { redactSecrets } from './util/redact.js';
import { plural } from './util/text.js';
import { VERSION } from './version.js';

/** Options that mirror action inputs one to one (`--max-file-size` ⇔ `max-file-size`). */
const INPUT_OPTIONS = ['patterns', 'ignore', 'max-file-size', 'directions', 'units', 'metrics', 'factors', 'output-dir', 'hardware', ...GATE_INPUT_OPTIONS, ...LLM_INPUT_OPTIONS] as const;

const COMMANDS = new Set(['analyze', 'snapshot', 'shard', 'merge']);

const USAGE = `Usage: chimera-insight analyze [dir] [options]
       chimera-insight snapshot [dir] [--out FILE] [options]
       chimera-insight shard [dir] --out DIR [--hardware NAME] [options]
       chimera-insight merge SHARD_DIR... [--baseline ...] [--format ...] [options]

analyze finds benchmark outputs under dir (default: .) and prints a report,
compared with a baseline (--baseline). snapshot prints the snapshot.json of dir
(every series, for a later --baseline). shard writes the folder one runner of
several contributes (snapshot.json, report.json, hardware.json) into DIR;
merge makes one report of many shard folders, each hardware compared with the
baseline of the same hardware (docs/several-runners.md).

Options:
  --format text|md|json   text: the digest (verdict, changes, key findings) for a terminal (default);
                          md: the full Markdown report (report.md); json: report.json
  --out FILE              write the report to FILE instead of stdout (shard: the folder to write)
  --output-dir DIR        also write report.md and report.json into DIR (merge: and the merged snapshot.json)
  --keep-samples          report.json keeps every series' samples (default: only series of up to 30)
  --hardware NAME         name this machine's hardware (default: from the GPUs nvidia-smi or
                          rocm-smi list, else the CPU); baselines are kept per hardware
  --patterns GLOBS        files to read, comma-separated (default: CSV, TSV, JSON, JSONL, Markdown, text)
  --ignore GLOBS          more paths to ignore (node_modules, .git, dist, vendor always are)
  --max-file-size SIZE    skip non-streamable files above SIZE (default: 50MB)
  --directions RULES      e.g. "tokens_s: higher, *ttft*: lower"
  --units RULES           e.g. "score: pts"
  --metrics GLOBS         keep matching metrics; prefix with ! to drop, e.g. "*,!*_count"
  --factors RULES         conditions from paths, e.g. "results/*/: runtime" (default: detected from sibling names)
  --input-format RULES    force a tool format per glob, e.g. "results/*.json: hyperfine" (default: auto, the action's 'format' input)
  -h, --help              show this help
  -v, --version           show the version

${GATE_USAGE}
  merge: --baseline DIR   a folder of the baseline's shard folders (or one shard folder),
                          a merged snapshot.json, or git:REF (the shard folders at the merge base)

${LLM_USAGE}
Exit codes: 0 report written (no gated regression), 1 a gated metric regressed,
2 bad usage or input (including a baseline that cannot be read, a --gate that
gates no series although throughput series exist, and a shard folder that
cannot be merged).
`;

export interface CliIo {
  /** May return a promise (a full pipe's drain): the report is streamed, and each chunk waits for it. */
  stdout: (text: string) => unknown;
  stderr: (text: string) => void;
  cwd: string;
}

/** An input's name as the CLI spells it: `--metrics`, and `--input-format` for the action's `format`. */
function optionName(input: string): string {
  if (input === 'shards') return 'shard';
  return input === 'format' ? '--input-format' : `--${input}`;
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed carries text from the files (labels, paths, problems): secrets are redacted on the way out.
  const io: CliIo = { ...rawIo, stdout: (t) => rawIo.stdout(redactSecrets(t)), stderr: (t) => rawIo.stderr(redactSecrets(t)) };
  try {
    return await run(argv, io);
  } catch (err) {
    // An input found wrong once the run started (an output-dir that cannot be made) is named as the CLI spells it.
    if (err instanceof ConfigError) return configError(err, io);
    throw err;
  }
}

function configError(err: ConfigError, io: CliIo): number {
  io.stderr(`${err.message.replace(/^Input '([^']+)'/, (_, name: string) => optionName(name))}\n`);
  return 2;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        // The action's `format` input; `--format` already names the report's format.
        'input-format': { type: 'string', multiple: true },
        out: { type: 'string' },
        baseline: { type: 'string' },
        'no-llm': { type: 'boolean' },
        calibrate: { type: 'boolean' },
        'keep-samples': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        ...Object.fromEntries(INPUT_OPTIONS.map((o) => [o, { type: 'string', multiple: true }])),
      },
    });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? 0 : 2;
  }
  if (!COMMANDS.has(command) || (command !== 'merge' && args.length > 1)) {
    io.stderr(`Unknown command or extra argument: ${positionals.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  if (command === 'merge' && args.length === 0) {
    io.stderr(`merge needs the shard folders to merge, e.g. chimera-insight merge shards/*\n\n${USAGE}`);
    return 2;
  }
  if (command === 'shard' && !values.out) {
    io.stderr('shard needs --out DIR, the folder to write the shard into\n');
    return 2;
  }
  const format = values.format as string;
  if (format !== 'text' && format !== 'md' && format !== 'json') {
    io.stderr(`--format must be text, md or json, got "${format}"\n`);
    return 2;
  }

  const dir = command === 'merge' ? undefined : args[0];
  const target = path.resolve(io.cwd, dir ?? '.');
  const rel = path.relative(io.cwd, target);
  // Paths in the report are relative to the working directory when the target is inside it.
  const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
  const inputs: Record<string, string> = { path: inside ? rel || '.' : '.' };
  for (const name of INPUT_OPTIONS) {
    const given = (values as unknown as Record<string, string[] | undefined>)[name];
    if (given) inputs[name] = given.join('\n');
  }
  if (values['input-format']) inputs.format = (values['input-format'] as string[]).join('\n');
  inputs.baseline = command === 'snapshot' || command === 'shard' ? 'none' : baselineInput(values.baseline as string | undefined);
  if (values['no-llm'] || command === 'snapshot' || command === 'shard') inputs.llm = 'false';
  if (values.calibrate) inputs.calibrate = 'true';
  if (values['keep-samples']) inputs['keep-samples'] = 'true';
  if (command === 'shard') inputs['output-dir'] = path.resolve(io.cwd, values.out as string);
  if (command === 'merge') {
    inputs.mode = 'merge';
    // Checked like the action's input; the folders themselves are taken as given (a comma is no separator here).
    inputs.shards = args.join('\n');
  }
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat?.isDirectory()) {
    io.stderr(`${target} is not a directory\n`);
    return 2;
  }
  let config;
  try {
    config = withBaselineIgnored(buildConfig((name) => inputs[name] ?? '', { workspace: inside ? io.cwd : target, defaultOutputDir: undefined }), io.cwd);
  } catch (err) {
    if (err instanceof ConfigError) return configError(err, io);
    throw err;
  }
  if (command === 'merge') config = { ...config, shards: args };
  const stageLog = { info: () => {}, warning: (m: string) => io.stderr(`warning: ${m}\n`) };
  if (command === 'shard') return shardCommand(config, io);
  const commit = command === 'snapshot' ? await headCommit(target) : undefined;
  const hardware = command === 'merge' ? undefined : await detectSystemHardware(config.hardware);
  // No post step in a shell: a server this run starts is stopped once the report is done, whatever happened.
  const llm = await cliLlmStage(config.llm, io.stderr, () => performance.now());
  let result: PipelineResult;
  let merged: MergedShards | undefined;
  if (command === 'merge') {
    const t0 = performance.now();
    const folders = await findShardFolders(config.shards, io.cwd);
    const { shards, problems } = await readShardFolders(folders);
    const narrative = llm.stage.skipped ?? NARRATIVE_NOT_AVAILABLE;
    const built = mergeShards(shards, problems, config, { now: () => new Date(), elapsed: () => performance.now(), narrative, readMs: performance.now() - t0 });
    merged = built.merged;
    const stage = mergeCompareStage({
      config,
      event: { name: '' },
      merged: built.merged,
      headFolders: folders.folders,
      // A local run may compare with any folder the user names.
      file: { base: io.cwd, confineToBase: false },
      log: { info: () => {}, warning: (m) => stageLog.warning(logSafe(m)) },
      tempRoot: os.tmpdir(),
    });
    result = await runPipeline(config, {
      now: () => new Date(),
      elapsed: () => performance.now(),
      narrative,
      ...(llm.stage.narrate ? { narrate: llm.stage.narrate } : {}),
      source: async () => built.report,
      compare: stage.compare,
      compareLate: stage.compareLate,
    }).finally(() => llm.stop());
    if (config.outputDir) await writeSnapshot(path.join(config.outputDir, 'snapshot.json'), mergedSnapshot(result.report, built.merged));
  } else {
    const compareStage = cliCompareStage(config, io.cwd, stageLog, { now: () => new Date(), elapsed: () => performance.now(), narrative: NARRATIVE_NOT_AVAILABLE }, os.tmpdir());
    result = await runPipeline(config, {
      now: () => new Date(),
      elapsed: () => performance.now(),
      narrative: llm.stage.skipped ?? NARRATIVE_NOT_AVAILABLE,
      ...(llm.stage.narrate ? { narrate: llm.stage.narrate } : {}),
      ...(commit ? { commit } : {}),
      ...(hardware ? { hardware } : {}),
      compare: compareStage.compare,
      compareLate: compareStage.compareLate,
    }).finally(() => llm.stop());
  }
  if (command === 'snapshot') {
    // Streamed like the report: a snapshot of many series is never one string.
    const snapshot = createSnapshot(result.report);
    if (values.out) {
      await writeToFile(path.resolve(io.cwd, values.out as string), (sink) => writeSnapshotJson(snapshot, sink));
      io.stderr(`Snapshot of ${result.report.series.length} series written to ${values.out}\n`);
    } else await writeSnapshotJson(snapshot, io.stdout);
    return 0;
  }
  if (merged) {
    const shardsMerged = result.report.shards ?? [];
    io.stderr(`Merged ${plural(shardsMerged.length, 'shard')}: ${shardsMerged.map((s) => `${logSafe(s.name)} (${s.hardware.id}, ${s.series} series)`).join(', ') || 'none'}\n`);
  }
  // Inputs that matched nothing; patterns and metric names come from the analysed tree, so they are made log-safe.
  const notices = result.report.notices ?? [];
  for (const n of notices) io.stderr(`${n.level}: ${optionName(n.input)}: ${logSafe(n.message)}\n`);
  // Streamed, chunk by chunk: a large report is never one string. The terminal digest is small by design.
  const write = async (sink: Sink): Promise<void> => {
    if (format === 'json') return writeReportJson(result.report, sink, { keepSamples: config.keepSamples });
    if (format === 'md') return writeReportMarkdown(result.sections, result.report.timings.renderMs, sink);
    await sink(renderText(result.report));
  };
  if (values.out) {
    await writeToFile(path.resolve(io.cwd, values.out as string), write);
    io.stderr(`Report written to ${values.out}\n`);
  } else {
    await write(io.stdout);
  }
  const code = gateExitCode(result.report, config, io.stderr);
  // A configuration error (a gate that gates nothing) outranks the verdict: the check could not have failed.
  return notices.some((n) => n.level === 'error') ? 2 : code;
}
