import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { cliCompareStage } from '../src/baseline/cli.js';
import { withBaselineIgnored } from '../src/baseline/sources/file.js';
import { buildConfig } from '../src/config.js';
import { buildFactSheet } from '../src/llm/facts.js';
import { DEFAULT_PERSONA, preparePrompt } from '../src/llm/prompt.js';
import { NARRATIVE_NOT_AVAILABLE } from '../src/narrative.js';
import { runPipeline } from '../src/pipeline.js';

const cwd = process.cwd();
const inputs: Record<string, string> = { path: 'examples/benchmarks', baseline: 'auto' };
const config = withBaselineIgnored(buildConfig((name) => inputs[name] ?? '', { workspace: cwd, defaultOutputDir: undefined }), cwd);
const deps = { now: () => new Date(), elapsed: () => performance.now(), narrative: NARRATIVE_NOT_AVAILABLE };
const stage = cliCompareStage(config, cwd, { info: () => {}, warning: () => {} }, deps, os.tmpdir());
const { report } = await runPipeline(config, { ...deps, compare: stage.compare, compareLate: stage.compareLate });
const sheet = buildFactSheet(report);
const prompt = preparePrompt(sheet, config.llm.persona.trim() || DEFAULT_PERSONA, config.llm.language, config.llm.options);
console.log(sheet.text, sheet.omittedSeries, prompt.promptTokens, prompt.options);
