// `juesuan narrative`: the 情况说明 of one workbook, as text on stdout or written to a file safely.
import { basename, extname } from 'node:path';
import { choiceOption, UsageError, type Parsed } from './args';
import { poolOptions, reasonOnly, targetOrSample, type CliIO, type CliOptions } from './context';
import type { NarrativeOutcome } from './narrative-job';
import { WorkerPool } from './pool';
import { planOutput, writeOutput } from './safe-write';

export async function runNarrative(p: Parsed, io: CliIO, opts: CliOptions): Promise<number> {
  const format = choiceOption(p.values, 'format', ['text', 'json', 'docx'] as const, 'text');
  const profile = p.values.profile === undefined ? undefined : choiceOption(p.values, 'profile', ['hunan', 'shanghai'] as const, 'hunan');
  const force = !!p.values.force;
  const target = targetOrSample(p.positionals, io);
  const given = p.values.output as string | undefined;
  if (given === '-') throw new UsageError('-o 需要一个文件名（不给 -o 时文本输出到屏幕）');
  const out = format === 'docx' ? given ?? `${basename(target, extname(target))}-情况说明.docx` : given;
  // Refuse an output that would overwrite the input (or anything, without --force) before the work.
  if (out) planOutput(out, [target], force);
  const pool = new WorkerPool(poolOptions(p.values, 1, opts));
  let r;
  try {
    r = await pool.run<NarrativeOutcome>({ type: 'narrative', path: target, profile, format, force });
  } finally {
    await pool.close();
  }
  if (!r.ok) {
    io.err(`${basename(target)}：${reasonOnly(basename(target), r.reason)}`);
    return 2;
  }
  const result = r.value;
  if (result.refused) {
    io.err(result.lines.join('\n'));
    return 1;
  }
  if (out) {
    const written = writeOutput(out, result.bytes ?? `${result.text}\n`, [target], force);
    io.err(`已写入 ${written}`);
  } else io.out(result.text!);
  if (result.missing.length) io.err(`以下信息缺失，相应段落已注明：\n${result.missing.map((m) => `  ${m}`).join('\n')}`);
  return 0;
}
