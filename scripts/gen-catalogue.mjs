// Regenerates src/core/catalogue/data.generated.ts, the 政府收支分类科目 catalogue the core ships as
// data (the core cannot read files at run time).
//
//   node scripts/gen-catalogue.mjs [--full <dir>]     (default: ../shared/codes/full beside the repo)
//
// Inputs: the four CSVs of the shared full catalogue (code,name,level,parent,year_first_seen,
// year_last_seen,source) and the repo's own seed files in src/core/catalogue/data/*.csv (codes read
// in the shared 2023 sample and the first seed lists). Each (code, name) variant becomes one line
// `code|name|source index|first-last`; level and parent follow from the code, so they are not stored.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv.indexOf('--full');
const fullDir = resolve(arg > 0 ? process.argv[arg + 1] : join(root, '..', 'shared', 'codes', 'full'));
const seedDir = join(root, 'src', 'core', 'catalogue', 'data');
if (!existsSync(fullDir)) {
  console.error(`gen-catalogue: ${fullDir} not found (pass --full <dir of the shared full catalogue>)`);
  process.exit(2);
}

/** Files of the full catalogue → classification system of the core. */
const SYSTEMS = {
  'expenditure_function.csv': 'function',
  'expenditure_economic_department.csv': 'economic',
  'expenditure_economic_government.csv': 'economicGovernment',
  'revenue.csv': 'revenue',
};

function parseCsv(text) {
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') cells.push(cur), (cur = '');
      else cur += ch;
    }
    cells.push(cur);
    out.push(cells.map((c) => c.trim()));
  }
  const [header, ...body] = out;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// Same normalisation as src/core/catalogue/names.ts (brackets, quotes, spaces, line breaks).
const norm = (s) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[【［〔]/g, '(')
    .replace(/[】］〕]/g, ')')
    .replace(/[“”"『』「」‘’']/g, '');

/** system → code → variants [{ name, tags:Set, first, last }] in file order. */
const data = Object.fromEntries(Object.values(SYSTEMS).map((s) => [s, new Map()]));

function add(system, code, name, tags, first, last) {
  if (!/^\d{3}(\d{2}){0,2}$/.test(code) || !name) return;
  const byCode = data[system];
  const list = byCode.get(code) ?? [];
  byCode.set(code, list);
  let v = list.find((x) => norm(x.name) === norm(name));
  if (!v) list.push((v = { name, tags: new Set(), first: null, last: null }));
  for (const t of tags) if (t) v.tags.add(t);
  const f = Number(first) || null;
  const l = Number(last) || f;
  if (f) v.first = v.first ? Math.min(v.first, f) : f;
  if (l) v.last = v.last ? Math.max(v.last, l) : l;
}

let fullRows = 0;
for (const [file, system] of Object.entries(SYSTEMS)) {
  for (const r of parseCsv(readFileSync(join(fullDir, file), 'utf8'))) {
    add(system, r.code, r.name, r.source.split(';'), r.year_first_seen, r.year_last_seen);
    fullRows++;
  }
}

// Seed files: their knowledge is kept. The 2023 sample's names were read in a published 决算
// (tag sample2023, read-backed); *_UNVERIFIED_* files are memory; the other seeds were the sources
// of the full catalogue's `doc`/`tmpl2024-name` rows and add no tag of their own when already there.
let seedRows = 0;
for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.csv')).sort()) {
  const system = file.startsWith('economic') ? 'economic' : 'function';
  const tag = /sample_2023/.test(file) ? 'sample2023' : /UNVERIFIED/.test(file) ? 'memory' : 'doc';
  const year = /sample_2023/.test(file) ? 2023 : null;
  for (const r of parseCsv(readFileSync(join(seedDir, file), 'utf8'))) {
    const known = (data[system].get(r.code) ?? []).some((v) => norm(v.name) === norm(r.name));
    if (known && tag !== 'sample2023') continue;
    add(system, r.code, r.name, [tag], year, year);
    seedRows++;
  }
}

const sources = [];
const sourceIndex = (tags) => {
  const s = [...tags].join(';');
  let i = sources.indexOf(s);
  if (i < 0) i = sources.push(s) - 1;
  return i;
};
const blocks = {};
let lines = 0;
for (const [system, byCode] of Object.entries(data)) {
  const rows = [];
  for (const [code, list] of byCode)
    for (const v of list) {
      if (/[|\n]/.test(v.name)) throw new Error(`name with a separator: ${code} ${v.name}`);
      rows.push(`${code}|${v.name}|${sourceIndex(v.tags)}|${v.first ? `${v.first}-${v.last}` : ''}`);
    }
  blocks[system] = rows;
  lines += rows.length;
}

const out = [
  '// Generated by scripts/gen-catalogue.mjs from ../shared/codes/full/*.csv and src/core/catalogue/data/*.csv.',
  '// Do not edit by hand. One line per (code, name) variant: code|name|index into SOURCES|first-last year',
  '// of dated read evidence (blank for memory rows). Level and parent follow from the code.',
  `export const SOURCES: string[] = ${JSON.stringify(sources, null, 2)};`,
  '',
  ...Object.entries(blocks).map(([system, rows]) => `export const ${system.toUpperCase().replace('ECONOMICGOVERNMENT', 'ECONOMIC_GOVERNMENT')}: string[] = [\n${rows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}\n];\n`),
].join('\n');
writeFileSync(join(root, 'src', 'core', 'catalogue', 'data.generated.ts'), out);
console.log(`catalogue: ${fullRows} full rows + ${seedRows} seed rows → ${lines} variants, ${sources.length} source sets`);
