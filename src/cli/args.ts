// Strict command-line parsing (node:util parseArgs): an unknown flag, a missing value, an option the
// command does not take or a stray argument is a usage error (exit 2) with a plain-Chinese reason.
import { parseArgs } from 'node:util';

export const USAGE = `用法:
  juesuan check [file.xlsx|folder] [--json] [--narrative file.txt|file.docx] [--report 审核汇总.xlsx] [--force]
                [--jobs N] [--timeout 秒] [--max-memory MB]
  juesuan narrative [file.xlsx] [--format text|json|docx] [-o out] [--profile hunan|shanghai] [--force]
  juesuan --help`;

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

const LIMITS: Record<string, OptionSpec> = { timeout: { type: 'string' }, 'max-memory': { type: 'string' } };

export const COMMANDS: Record<'check' | 'narrative', Record<string, OptionSpec>> = {
  check: { json: { type: 'boolean' }, narrative: { type: 'string' }, report: { type: 'string' }, force: { type: 'boolean' }, jobs: { type: 'string' }, ...LIMITS },
  narrative: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, profile: { type: 'string' }, force: { type: 'boolean' }, ...LIMITS },
};

export type Command = keyof typeof COMMANDS;

export interface Parsed {
  command: Command;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export class UsageError extends Error {}

/** True when --help/-h appears before any `--`: help wins over every other problem. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h') || argv[0] === 'help';
}

export function parseCommandLine(argv: string[]): Parsed {
  const all: Record<string, OptionSpec> = Object.assign({}, ...Object.values(COMMANDS));
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: all, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }));
  }
  const [command, ...positionals] = parsed.positionals;
  if (command === undefined) throw new UsageError('缺少命令（check 或 narrative）');
  if (!(command in COMMANDS)) throw new UsageError(`未知命令：${command}（可用：check、narrative）`);
  const allowed = COMMANDS[command as Command];
  for (const [name, value] of Object.entries(parsed.values)) {
    if (!(name in allowed)) throw new UsageError(`${command} 命令没有 --${name} 选项`);
    if (value === '') throw new UsageError(`选项 --${name} 缺少取值`);
  }
  if (positionals.length > 1) throw new UsageError(`多余的参数：${positionals.slice(1).join(' ')}（${command} 一次只接受一个${command === 'check' ? '文件或文件夹' : '文件'}）`);
  return { command: command as Command, values: parsed.values, positionals };
}

function describeParseError(e: Error & { code?: string }): string {
  const option = /'(--?[\w-]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项：${option}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(e.message)) return `选项 ${option} 不接受取值`;
    return `选项 ${option} 缺少取值`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return '多余的参数';
  return `无法解析命令行（${e.message.split('\n')[0]}）`;
}

/** A number option within [min, max]. */
export function numberOption(values: Parsed['values'], name: string, fallback: number, min: number, max: number, integer: boolean): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`选项 --${name} 应为 ${min} 到 ${max} 之间的${integer ? '整数' : '数'}（收到 ${String(raw)}）`);
  }
  return n;
}

export function choiceOption<T extends string>(values: Parsed['values'], name: string, choices: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!choices.includes(raw as T)) throw new UsageError(`选项 --${name} 只能是 ${choices.join('、')}（收到 ${String(raw)}）`);
  return raw as T;
}
