// juesuan — the command line for reviewers (SPEC §8). Node only: reads files, prints reports.
// Exit status: 0 no error finding, 1 an error finding, 2 input unreadable.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import {
  analyzeWorkbook,
  checkNarrative,
  generateNarrative,
  narrativeLines,
  TABLE_KIND_NAMES,
  type Analysis,
  type Detection,
  type Finding,
  type NarrativeProfile,
  type Table,
} from '../core/index';
import { readXlsx, WorkbookReadError } from '../hosts/file/xlsx-read';
import { rangeA1 } from '../core/address';
import { readNarrativeFile } from './narrative-input';

export const HELP = `决算助手 juesuan — 部门决算公开表格检查与情况说明生成

用法:
  juesuan check [file.xlsx|folder] [--json] [--narrative file.txt|file.docx]
  juesuan narrative [file.xlsx] [--format text|json|docx] [-o out] [--profile hunan|shanghai] [--force]
  juesuan --help

check       识别各表并检查表内、表间、绩效自评表、科目编码与完整性；
            给出文件夹时逐个检查其中的 .xlsx 文件。
            --json       输出一个 JSON 对象（见 SPEC §8）
            --narrative  同时核对已写好的情况说明文本（.txt 或 .docx）
narrative   生成第三部分「情况说明」。--format docx 需要 -o 指定输出文件。
            表格存在“错误”级问题时拒绝生成，除非加 --force。
未给出文件时使用内置示例工作簿（怀化市就业服务中心 2023）。

退出码: 0 无错误；1 存在错误级问题；2 文件无法读取。`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIO: CliIO = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/** The sample shipped with the package, used when no file is given. */
export function bundledSamplePath(): string {
  const candidates = [join(__dirname, '..', '..', 'assets', 'sample-2023-jiuye.xlsx'), join(__dirname, '..', 'assets', 'sample-2023-jiuye.xlsx')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

interface ParsedArgs {
  command: string | null;
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const withValue = new Set(['--narrative', '--format', '-o', '--output', '--profile']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      const [k, v] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (v !== undefined) flags.set(k, v);
      else if (withValue.has(k) && i + 1 < argv.length) flags.set(k, argv[++i]);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { command: positional.shift() ?? null, positional, flags };
}

class InputError extends Error {}

async function loadWorkbook(path: string) {
  if (!existsSync(path)) throw new InputError(`${path}: 文件不存在（file not found）`);
  const ext = extname(path).toLowerCase();
  if (!['.xlsx', '.xlsm', '.xls'].includes(ext)) throw new InputError(`${path}: 不是 Excel 工作簿（.xlsx/.xls）（not an Excel workbook）`);
  try {
    return await readXlsx(readFileSync(path), basename(path));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new InputError(e.message);
    throw new InputError(`${path}: 无法读取（${(e as Error).message}）`);
  }
}

export function tableSummary(t: Table) {
  return { kind: t.kind, sheet: t.sheet, range: rangeA1(t.range), unit: t.unit, ...(t.kind === 'perf-project-scorecard' || t.kind === 'perf-dept-scorecard' ? { name: t.name } : {}) };
}

/** A region that looked like a table but matched no kind (reported, never forced into a kind). */
function unknownSummary(u: Detection['unknown'][number]) {
  return { sheet: u.sheet, range: rangeA1(u.range), title: u.title, reason: u.reason };
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    related: f.related,
    line: f.line,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    ...(f.excerpt ? { excerpt: f.excerpt } : {}),
    ...(f.fix ? { fix: { cell: `${f.fix.ref.sheet}!${rangeA1({ r1: f.fix.ref.row, c1: f.fix.ref.col, r2: f.fix.ref.row, c2: f.fix.ref.col })}`, value: f.fix.value ?? null, formula: f.fix.formula ?? null } } : {}),
  };
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
const SEVERITY_MARK = { error: '✖', warning: '▲', info: '·' } as const;

export function countBySeverity(findings: Finding[]) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Human-readable report grouped by table (findings outside any table and narrative findings last). */
export function formatReport(file: string, analysis: Analysis, narrativeFindings: Finding[]): string {
  const lines: string[] = [];
  const { detection } = analysis;
  lines.push(`决算助手 检查：${file}`);
  lines.push(`识别到 ${detection.tables.length} 张表${detection.unknown.length ? `，另有 ${detection.unknown.length} 张未识别的表` : ''}：`);
  for (const t of detection.tables) {
    const name = 'name' in t && t.name ? `「${t.name}」` : '';
    lines.push(`  ${TABLE_KIND_NAMES[t.kind]}${name}  ${t.sheet}!${rangeA1(t.range)}  ${t.unit ?? '单位未注明'}`);
  }
  for (const u of detection.unknown) lines.push(`  未识别：${u.title || '（无标题）'}  ${u.sheet}!${rangeA1(u.range)}  ${u.reason}`);
  const all = [...analysis.findings, ...narrativeFindings];
  const groups = new Map<string, Finding[]>();
  const tableById = new Map(detection.tables.map((t) => [t.id, t]));
  for (const f of all) {
    let key: string;
    if (f.line !== null && f.sheet === null) key = '情况说明文本';
    else if (f.tableId && tableById.has(f.tableId)) {
      const t = tableById.get(f.tableId)!;
      key = `${TABLE_KIND_NAMES[t.kind]}${'name' in t && t.name ? `「${t.name}」` : ''}（${t.sheet}）`;
    } else key = f.sheet ? `工作表 ${f.sheet}` : '工作簿';
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
  }
  if (all.length === 0) lines.push('未发现问题。');
  for (const [key, fs] of groups) {
    lines.push('');
    lines.push(`【${key}】`);
    for (const f of fs) {
      const where = f.line !== null && f.sheet === null ? `第${f.line}行` : f.cell ?? '';
      const related = f.related.length ? `（相关：${f.related.join('，')}）` : '';
      lines.push(`  ${SEVERITY_MARK[f.severity]} ${SEVERITY_LABEL[f.severity]} ${where} ${f.message}${related}  [${f.rule}]`);
      if (f.excerpt) lines.push(`      “${f.excerpt}”`);
      if (f.fix) lines.push(`      建议：${f.fix.description}`);
    }
  }
  const c = countBySeverity(all);
  lines.push('');
  lines.push(`合计：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`);
  return lines.join('\n');
}

async function checkOne(path: string, narrativePath: string | null) {
  const wb = await loadWorkbook(path);
  const analysis = analyzeWorkbook(wb);
  let narrativeFindings: Finding[] = [];
  if (narrativePath) {
    const text = await readNarrativeFile(narrativePath).catch((e: Error) => {
      throw new InputError(`${narrativePath}: ${e.message}`);
    });
    narrativeFindings = checkNarrative(text, analysis.detection);
  }
  return { analysis, narrativeFindings };
}

function listWorkbooks(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => /\.(xlsx|xlsm|xls)$/i.test(f) && !f.startsWith('~$'))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((f) => join(folder, f));
}

async function runCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  const json = args.flags.has('--json');
  const narrative = typeof args.flags.get('--narrative') === 'string' ? (args.flags.get('--narrative') as string) : null;
  let target = args.positional[0];
  if (!target) {
    target = bundledSamplePath();
    io.err(`未指定文件，使用内置示例工作簿：${target}`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) return runFolder(target, json, narrative, io);
  try {
    const { analysis, narrativeFindings } = await checkOne(target, narrative);
    const findings = [...analysis.findings, ...narrativeFindings];
    if (json) {
      io.out(JSON.stringify({ file: basename(target), tables: analysis.detection.tables.map(tableSummary), unknown: analysis.detection.unknown.map(unknownSummary), findings: findings.map(findingJson) }, null, 2));
    } else io.out(formatReport(basename(target), analysis, narrativeFindings));
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (e) {
    io.err(e instanceof InputError ? e.message : `${target}: ${(e as Error).message}`);
    return 2;
  }
}

async function runFolder(folder: string, json: boolean, narrative: string | null, io: CliIO): Promise<number> {
  const files = listWorkbooks(folder);
  if (files.length === 0) {
    io.err(`${folder}: 文件夹中没有 .xlsx 文件`);
    return 2;
  }
  const results: { file: string; tables?: ReturnType<typeof tableSummary>[]; unknown?: ReturnType<typeof unknownSummary>[]; findings?: ReturnType<typeof findingJson>[]; counts?: ReturnType<typeof countBySeverity>; unreadable?: string }[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const t0 = Date.now();
    try {
      const { analysis, narrativeFindings } = await checkOne(file, narrative);
      const findings = [...analysis.findings, ...narrativeFindings];
      const counts = countBySeverity(findings);
      results.push({ file: basename(file), tables: analysis.detection.tables.map(tableSummary), unknown: analysis.detection.unknown.map(unknownSummary), findings: findings.map(findingJson), counts });
      io.err(`[${i + 1}/${files.length}] ${basename(file)}：${analysis.detection.tables.length} 张表，错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}（${Date.now() - t0} ms）`);
      if (!json) {
        io.out(formatReport(basename(file), analysis, narrativeFindings));
        io.out('');
      }
    } catch (e) {
      const reason = e instanceof InputError ? e.message : (e as Error).message;
      results.push({ file: basename(file), unreadable: reason });
      io.err(`[${i + 1}/${files.length}] ${basename(file)}：无法读取 — ${reason}`);
    }
  }
  if (json) io.out(JSON.stringify({ folder, files: results }, null, 2));
  else {
    io.out('汇总：');
    io.out(['文件', '表数', '错误', '警告', '提示'].join('\t'));
    for (const r of results) {
      if (r.unreadable) io.out(`${r.file}\t无法读取\t-\t-\t-`);
      else io.out([r.file, r.tables!.length, r.counts!.error, r.counts!.warning, r.counts!.info].join('\t'));
    }
  }
  if (results.some((r) => r.unreadable)) return 2;
  return results.some((r) => r.counts && r.counts.error > 0) ? 1 : 0;
}

async function runNarrative(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = (args.flags.get('--format') as string) || 'text';
  if (!['text', 'json', 'docx'].includes(format)) {
    io.err(`--format 只能是 text、json 或 docx（got ${format}）`);
    return 2;
  }
  const profile = ((args.flags.get('--profile') as string) || 'hunan') as NarrativeProfile;
  if (profile !== 'hunan' && profile !== 'shanghai') {
    io.err(`--profile 只能是 hunan 或 shanghai（got ${profile}）`);
    return 2;
  }
  const out = (args.flags.get('-o') ?? args.flags.get('--output')) as string | undefined;
  let target = args.positional[0];
  if (!target) {
    target = bundledSamplePath();
    io.err(`未指定文件，使用内置示例工作簿：${target}`);
  }
  let analysis: Analysis;
  try {
    analysis = analyzeWorkbook(await loadWorkbook(target));
  } catch (e) {
    io.err(e instanceof InputError ? e.message : `${target}: ${(e as Error).message}`);
    return 2;
  }
  if (analysis.detection.tables.length === 0) {
    io.err(`${basename(target)}: 未识别到任何决算表，无法生成情况说明`);
    return 1;
  }
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !args.flags.has('--force')) {
    io.err(`表格存在 ${errors.length} 个错误级问题，未生成情况说明（先运行 juesuan check 查看；确需生成请加 --force）：`);
    for (const f of errors.slice(0, 10)) io.err(`  ${f.sheet ?? ''}!${f.cell ?? ''} ${f.message}`);
    return 1;
  }
  const narrative = generateNarrative(analysis.detection, { profile });
  if (format === 'docx') {
    const { narrativeToDocx } = await import('../docx/narrative-docx');
    const bytes = await narrativeToDocx(narrative);
    const path = out ?? `${basename(target, extname(target))}-情况说明.docx`;
    writeFileSync(path, bytes);
    io.err(`已写入 ${resolve(path)}`);
    return 0;
  }
  const text = format === 'json' ? JSON.stringify(narrative, null, 2) : [narrative.title, ...narrativeLines(narrative)].join('\n');
  if (out) {
    writeFileSync(out, text + '\n', 'utf8');
    io.err(`已写入 ${resolve(out)}`);
  } else io.out(text);
  if (narrative.missing.length) io.err(`以下信息缺失，相应段落已注明：\n${narrative.missing.map((m) => `  ${m}`).join('\n')}`);
  return 0;
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.has('--help') || args.flags.has('-h') || args.command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (args.command === 'check') return runCheck(args, io);
  if (args.command === 'narrative') return runNarrative(args, io);
  if (args.command === null) {
    io.out(HELP);
    return 2;
  }
  io.err(`未知命令：${args.command}（可用：check、narrative；--help 查看用法）`);
  return 2;
}
