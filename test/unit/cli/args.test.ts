// Strict arguments (issue 11): every malformed command line is a usage error — exit 2, a plain
// Chinese reason and the usage — never a Node exception and never silently ignored.
import { SAMPLE_XLSX } from '../../helpers';
import { parseCommandLine, UsageError } from '../../../src/cli/args';
import { RAW_LIBRARY_TEXT, run } from './harness';

describe('strict command line', () => {
  it.each([
    [['check', SAMPLE_XLSX, '--jsno'], /未知选项：--jsno/],
    [['check', SAMPLE_XLSX, '-x'], /未知选项：-x/],
    [['narrative', SAMPLE_XLSX, '-o'], /选项 -o 缺少取值/],
    [['narrative', SAMPLE_XLSX, '-o', '--force'], /选项 -o 缺少取值/],
    [['narrative', SAMPLE_XLSX, '--output='], /选项 --output 缺少取值/],
    [['check', SAMPLE_XLSX, '--narrative'], /选项 --narrative 缺少取值/],
    [['check', SAMPLE_XLSX, '--json=yes'], /选项 --json 不接受取值/],
    [['check', SAMPLE_XLSX, '--format', 'docx'], /check 命令没有 --format 选项/],
    [['narrative', SAMPLE_XLSX, '--report', 'r.xlsx'], /narrative 命令没有 --report 选项/],
    [['frobnicate', SAMPLE_XLSX], /未知命令：frobnicate/],
    [['--json'], /缺少命令/],
    [['check', SAMPLE_XLSX, 'other.xlsx'], /多余的参数：other\.xlsx/],
    [['check', SAMPLE_XLSX, '--jobs', '0'], /--jobs 应为 1 到 64 之间的整数（收到 0）/],
    [['check', SAMPLE_XLSX, '--timeout', 'soon'], /--timeout 应为/],
    [['check', SAMPLE_XLSX, '--max-memory', '1.5'], /--max-memory 应为 32 到 65536 之间的整数/],
    [['check', SAMPLE_XLSX, '--report', 'summary.csv'], /--report 的文件名应以 \.xlsx 结尾/],
    [['narrative', SAMPLE_XLSX, '--profile', 'beijing'], /--profile 只能是 hunan、shanghai/],
  ])('%j → exit 2 with a reason and the usage', async (argv, reason) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err).toContain('用法:');
    expect(r.err).not.toMatch(RAW_LIBRARY_TEXT);
    expect(r.out).toBe('');
  });

  it('no arguments prints the help and exits 2; --help anywhere exits 0', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('退出码');
    for (const argv of [['--help'], ['-h'], ['help'], ['check', '--jsno', '--help']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('juesuan check');
    }
  });

  it('accepts --opt=value, -o value, and a file name starting with a dash after --', () => {
    expect(parseCommandLine(['narrative', 'x.xlsx', '--format=docx', '-o', 'y.docx'])).toEqual({ command: 'narrative', values: { format: 'docx', output: 'y.docx' }, positionals: ['x.xlsx'] });
    expect(parseCommandLine(['check', '--json', '--', '-odd.xlsx']).positionals).toEqual(['-odd.xlsx']);
    expect(() => parseCommandLine(['check', '--output', 'x'])).toThrow(UsageError);
  });
});
