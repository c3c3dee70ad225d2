// Control characters from the user's files never reach the terminal (issue 11): escape sequences in
// an officer's .txt, a file name or a sheet name are stripped from text output and escaped in JSON.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine, stripControl, toJson } from '../../../src/cli/sanitize';
import { SAMPLE_XLSX } from '../../helpers';
import { run, scratch } from './harness';

const NASTY = [
  '\x1b[2J\x1b[H', // clear screen, cursor home
  '\x1b]0;pwned\x07', // window title (OSC … BEL)
  '\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\', // hyperlink (OSC … ST)
  '\x1b[31;1m', // colour
  '\x1bPqdata\x1b\\', // DCS string
  '\x9b31m', // 8-bit CSI
  '\x9d0;t\x9c', // 8-bit OSC … ST
  '\x1bc', // full reset
  '\r', // return to column 0 (overwrites what was printed)
  '\x07\x08\x7f\x00\x0b\x0c', // bell, backspace, DEL, NUL, VT, FF
  '\u202e\u2066\u200f', // bidi override, isolate, mark: reverse how a name is displayed
];
// Anything a terminal might obey: C0 but tab/newline, DEL, C1.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('stripControl', () => {
  it.each(NASTY)('removes %j and keeps the text around it', (seq) => {
    const s = stripControl(`收入${seq}合计\t877.77\n`);
    expect(s).not.toMatch(CONTROL);
    expect(s.startsWith('收入')).toBe(true);
    expect(s.endsWith('合计\t877.77\n')).toBe(true);
  });

  it('keeps ordinary Chinese text, tabs and newlines as they are', () => {
    const text = '一、收入支出决算总体情况\n\t收、支总计877.77万元（“三公”经费）';
    expect(stripControl(text)).toBe(text);
    expect(oneLine('a\tb\nc')).toBe('a b c');
  });

  it('an unterminated OSC swallows only the rest of its line', () => {
    expect(stripControl('a\x1b]0;title\nnext line')).toBe('a\nnext line');
  });

  it('toJson escapes DEL and C1 losslessly', () => {
    const v = { s: 'a\x9b31m\x7fb\x1b[0m' };
    const j = toJson(v);
    expect(j).not.toMatch(CONTROL);
    expect(JSON.parse(j)).toEqual(v);
  });
});

describe('what the CLI prints', () => {
  const dir = scratch();

  it('the officer’s text excerpt and the file name are printed without control characters', async () => {
    const txt = join(dir, `说明${NASTY[1]}.txt`);
    writeFileSync(txt, `一、收入支出决算总体情况\n2023年度收、支总计878.77万元${NASTY.join('')}。\n`, 'utf8');
    const xlsx = join(dir, `报送${NASTY[0]}${NASTY[3]}.xlsx`);
    copyFileSync(SAMPLE_XLSX, xlsx);
    const text = await run(['check', xlsx, '--narrative', txt]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('第2行');
    expect(text.out).toMatch(/“2023年度收、支总计878.77万元link。?”/);
    expect(text.out).toContain('报送');
    expect(text.out + text.err).not.toMatch(CONTROL);
    const json = await run(['check', xlsx, '--narrative', txt, '--json']);
    expect(json.out).not.toMatch(CONTROL);
    // JSON keeps what the file said, escaped.
    const f = JSON.parse(json.out).findings.find((x: { line: number | null }) => x.line === 2);
    // (The text reader ends the line at the \r.)
    expect(f.excerpt).toBe(`2023年度收、支总计878.77万元${NASTY.slice(0, NASTY.indexOf('\r')).join('')}`);
    expect(JSON.parse(json.out).file).toBe(`报送${NASTY[0]}${NASTY[3]}.xlsx`);
  });

  it('an unreadable file’s name and reason are printed without control characters', async () => {
    const bad = join(dir, `坏${NASTY[1]}${NASTY[5]}.xlsx`);
    writeFileSync(bad, 'not a workbook');
    const r = await run(['check', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('坏');
    expect(r.err).not.toMatch(CONTROL);
  });
});
