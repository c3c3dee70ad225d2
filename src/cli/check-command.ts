// `juesuan check`: one workbook, or every workbook of a folder, each in a check worker.
import { statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, isAbsolute } from 'node:path';
import { numberOption, UsageError, type Parsed } from './args';
import { batchExitCode, checkBatch, listFolder, type BatchRow, type Entry } from './batch';
import { defaultJobs, poolOptions, targetOrSample, type CliIO, type CliOptions } from './context';
import { describeFsError, InputError } from './messages';
import { WorkerPool } from './pool';
import { buildReviewWorkbook } from './review-workbook';
import { planOutput, writeOutput } from './safe-write';
import { oneLine, toJson } from './sanitize';

interface CheckSettings {
  json: boolean;
  narrative: string | null;
  report: string | null;
  force: boolean;
}

export async function runCheck(p: Parsed, io: CliIO, opts: CliOptions): Promise<number> {
  const s: CheckSettings = { json: !!p.values.json, narrative: (p.values.narrative as string) ?? null, report: (p.values.report as string) ?? null, force: !!p.values.force };
  const jobs = numberOption(p.values, 'jobs', defaultJobs(), 1, 64, true);
  if (s.report && extname(s.report).toLowerCase() !== '.xlsx') throw new UsageError(`--report 的文件名应以 .xlsx 结尾（收到 ${s.report}）`);
  const target = targetOrSample(p.positionals, io);
  let isFolder: boolean;
  try {
    isFolder = statSync(target).isDirectory();
  } catch (e) {
    throw new InputError(describeFsError(target, e));
  }
  const entries = isFolder ? listFolder(target) : [{ path: target, file: basename(target) }];
  if (entries.length === 0) throw new InputError(`${target}：文件夹中没有 .xlsx、.xlsm 或 .xls 文件`);
  const inputs = [...entries.map((e) => e.path), ...(s.narrative ? [s.narrative] : [])];
  // Refuse a report that cannot be written before spending minutes on the batch.
  if (s.report) {
    if (isFolder && isInside(target, s.report)) throw new InputError(`${basename(s.report)}：汇总工作簿不能保存在被检查的文件夹中（下次检查会把它当作报送文件）；请换一个文件夹`);
    planOutput(s.report, inputs, s.force);
  }
  const pool = new WorkerPool(poolOptions(p.values, Math.min(jobs, entries.length), opts));
  let rows: BatchRow[];
  try {
    rows = isFolder ? await runFolder(entries, s, pool, io) : await runSingle(entries[0], s, pool, io);
  } finally {
    await pool.close();
  }
  if (s.report) {
    const written = writeOutput(s.report, await buildReviewWorkbook(rows, dirname(resolve(s.report))), inputs, s.force);
    io.err(`已写入审核汇总：${written}`);
  }
  return batchExitCode(rows);
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(resolve(folder), dirname(resolve(file)));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function runSingle(entry: Entry, s: CheckSettings, pool: WorkerPool, io: CliIO): Promise<BatchRow[]> {
  return checkBatch([entry], s.narrative, pool, (row) => {
    if (!row.checked) io.err(`${oneLine(row.file)}：${oneLine(row.reason ?? '')}`);
    else if (s.json) {
      const { file, tables, unknown, findings } = row.checked;
      io.out(toJson({ file, tables, unknown, findings }, 2));
    } else io.out(row.checked.text);
  });
}

async function runFolder(entries: Entry[], s: CheckSettings, pool: WorkerPool, io: CliIO): Promise<BatchRow[]> {
  let done = 0;
  const rows = await checkBatch(entries, s.narrative, pool, (row) => {
    done++;
    const name = oneLine(row.file);
    if (row.checked) {
      const { tables, counts: c } = row.checked;
      io.err(`[${done}/${entries.length}] ${name}：${tables.length} 张表，错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}（${row.ms} ms）`);
    } else io.err(`[${done}/${entries.length}] ${name}：无法读取 — ${oneLine(row.reason ?? '')}`);
    // One line per file as it finishes (JSON Lines): a run that is killed keeps what it finished.
    if (s.json) io.out(toJson(row.checked ? { file: row.file, status: 'checked', tables: row.checked.tables, unknown: row.checked.unknown, findings: row.checked.findings, counts: row.checked.counts } : { file: row.file, status: 'unreadable', unreadable: row.reason }));
    else if (row.checked) io.out(`${row.checked.text}\n`);
  });
  const table = ['汇总：', ['文件', '状态', '表数', '错误', '警告', '提示'].join('\t')];
  for (const r of rows) {
    const c = r.checked?.counts;
    table.push(c ? [oneLine(r.file), c.error ? '有错误' : '已检查', r.checked!.tables.length, c.error, c.warning, c.info].join('\t') : `${oneLine(r.file)}\t无法读取\t-\t-\t-\t-\t${oneLine(r.reason ?? '')}`);
  }
  // With --json stdout holds only the JSON Lines; the table goes to stderr.
  (s.json ? io.err : io.out)(table.join('\n'));
  return rows;
}
