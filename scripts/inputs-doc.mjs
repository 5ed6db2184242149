// `npm run docs:inputs`: writes docs/inputs.md, every input and output of action.yml with its default and
// description, so the reference cannot drift from what the action declares (test/unit/action-yml.test.ts
// checks the committed page equals what this script writes).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where each group of inputs is explained, by the comment line that opens the group in action.yml. */
const GROUP_PAGES = [
  { match: /^Regression gate/, page: 'gate.md', title: 'Regression gate' },
  { match: /^Local model/, page: 'model.md', title: 'Local model (Ollama)' },
  { match: /^Publishing/, page: 'publishing.md', title: 'Publishing on GitHub' },
];

function unquote(value) {
  const v = value.trim();
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return v;
}

/** The entries of a top-level section (`inputs:`, `outputs:`), in order, with the group comment above each. */
export function sectionEntries(yml, section) {
  const body = new RegExp(`^${section}:\\n((?:(?: .*)?\\n)*)`, 'm').exec(yml)?.[1] ?? '';
  const entries = [];
  let group = 'Files and analysis';
  let current;
  for (const line of body.split('\n')) {
    const comment = /^ {2}# (.*)$/.exec(line);
    if (comment) {
      group = comment[1].replace(/\s*\(.*$/, '').replace(/:.*$/, '').trim();
      continue;
    }
    const key = /^ {2}([a-z][a-z0-9-]*):\s*$/.exec(line);
    if (key) {
      current = { name: key[1], group, description: '', default: undefined };
      entries.push(current);
      continue;
    }
    const field = /^ {4}(description|default):\s*(.*)$/.exec(line);
    if (field && current) current[field[1]] = unquote(field[2]);
  }
  return entries;
}

const cell = (text) => text.replace(/\|/g, '\\|');

export function inputsPage(yml) {
  const inputs = sectionEntries(yml, 'inputs');
  const outputs = sectionEntries(yml, 'outputs');
  const groups = [...new Set(inputs.map((i) => i.group))];
  const parts = [
    '# Inputs and outputs',
    'Every input and output the action declares (generated from `action.yml` by `npm run docs:inputs`). The CLI takes the same names as options (`--threshold 5%`); `format` is `--input-format` there. A bad value fails the step with a message that names the input.',
  ];
  for (const group of groups) {
    const page = GROUP_PAGES.find((g) => g.match.test(group));
    parts.push(`## ${page?.title ?? group}${page ? `\n\nExplained in [${page.page}](${page.page}).` : ''}`);
    const rows = inputs.filter((i) => i.group === group).map((i) => `| \`${i.name}\` | ${i.default === undefined || i.default === '' ? '(empty)' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`);
    parts.push(['| Input | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n'));
  }
  parts.push('## Outputs');
  parts.push(['| Output | Meaning |', '| --- | --- |', ...outputs.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const yml = readFileSync(path.join(root, 'action.yml'), 'utf8');
  writeFileSync(path.join(root, 'docs', 'inputs.md'), inputsPage(yml));
  process.stderr.write('docs/inputs.md written from action.yml\n');
}
