// 一般公共预算财政拨款基本支出决算(明细)表: 经济分类 blocks [科目编码, 科目名称, 决算数] side by side
// (2 or 3 blocks), under optional 人员经费/公用经费 bands; bottom row 人员经费合计 / 公用经费合计.
import { a1 } from '../../address';
import { normLabel } from '../../text';
import type { Grid, Region } from '../common';
import { attachNote, baseOf, codeDigits, findRow, isNoteText, itemName, lastColOf, parseHeader, splitCodeName } from '../common';
import type { BasicDetailTable, ColumnInfo, EconomicEntry, LabelledFigure, RowInfo } from '../types';
import type { KindReader } from './reader';
import { isRepeatRow } from '../page';
import { structuralKey } from './coded';

interface Block {
  codeCol?: number;
  sectionCol?: number;
  nameCol?: number;
  amountCol?: number;
  band: 'personnel' | 'public' | null;
}

function groupByCode(code: string | null): 'personnel' | 'public' | null {
  if (!code) return null;
  return /^30[13]/.test(code) ? 'personnel' : 'public';
}

const PERSONNEL_TOTAL = /^人员经费(合计|小计)?$/;
const PUBLIC_TOTAL = /^公用经费(合计|小计)?$/;

export function readBasicDetail(grid: Grid, region: Region): BasicDetailTable | null {
  const { c1, c2, r2 } = region;
  const start = findRow(grid, region.titleRow + 1, Math.min(r2, region.titleRow + 8), c1, c2, (n) => /^(人员经费|公用经费)$|科目编码|科目名称|^项目$/.test(n));
  if (start < 0) return null;
  const header = parseHeader(grid, start, c1, c2, r2);
  const columns: ColumnInfo[] = [];
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (const hc of header.columns) {
    const sk = structuralKey(hc.norm);
    const band = hc.norm.some((p) => p === '人员经费') ? 'personnel' : hc.norm.some((p) => p === '公用经费') ? 'public' : null;
    let key = 'unknown';
    if (sk === 'code' || sk === 'codeClass') {
      if (cur) blocks.push(cur);
      cur = { codeCol: hc.col, band };
      key = 'code';
    } else if (sk === 'codeSection' && cur && cur.nameCol === undefined) {
      cur.sectionCol = hc.col;
      key = 'codeSection';
    } else if (sk === 'name') {
      if (cur && cur.nameCol !== undefined) blocks.push(cur);
      if (!cur || cur.nameCol !== undefined) cur = { band };
      cur.nameCol = hc.col;
      cur.band ??= band;
      key = 'name';
    } else if (cur && cur.nameCol !== undefined && cur.amountCol === undefined && sk !== 'lineNo') {
      cur.amountCol = hc.col;
      key = 'amount';
      blocks.push(cur);
      cur = null;
    }
    columns.push({ col: hc.col, header: hc.header, key });
  }
  if (cur) blocks.push(cur);
  const usable = blocks.filter((b) => b.nameCol !== undefined && b.amountCol !== undefined);
  if (usable.length === 0) return null;
  const amountCols = usable.map((b) => b.amountCol!).sort((a, b) => a - b);

  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  for (const r of header.rows) rows.push({ row: r, label: 'header', key: 'header' });
  for (const r of header.lineRows) rows.push({ row: r, label: '栏次', key: 'lineNumbers' });
  const warnings: string[] = [];
  const perBlock: EconomicEntry[][] = usable.map(() => []);
  const lastClass: (string | undefined)[] = usable.map(() => undefined);
  let personnelTotal: LabelledFigure | null = null;
  let publicTotal: LabelledFigure | null = null;
  let lastRow = header.lineRows.length ? header.lineRows[header.lineRows.length - 1] : header.rows[header.rows.length - 1];

  for (let r = header.dataStart; r <= r2; r++) {
    const filled = grid.filledCols(r, c1, c2);
    if (filled.length === 0) continue;
    if (isNoteText(grid.text(r, filled[0]))) break;
    if (isRepeatRow(grid, r, c1, c2, header, filled)) {
      rows.push({ row: r, label: grid.text(r, filled[0]), key: 'repeat' });
      continue;
    }
    let used = false;
    // Totals: a label cell anywhere in the row, its value in the next amount column to the right.
    for (const c of filled) {
      const n = normLabel(grid.text(r, c));
      const isP = PERSONNEL_TOTAL.test(n);
      const isQ = PUBLIC_TOTAL.test(n);
      if (!isP && !isQ) continue;
      const m = grid.merges.find(r, c);
      const end = m ? m.c2 : c;
      const ac = amountCols.find((a) => a > end);
      if (ac === undefined) continue;
      const lf: LabelledFigure = { label: grid.text(r, c), labelRef: grid.ref(r, c), figure: grid.fig(r, ac) };
      if (isP && !personnelTotal) personnelTotal = lf;
      if (isQ && !publicTotal) publicTotal = lf;
      rows.push({ row: r, label: lf.label, key: isP ? 'personnelTotal' : 'publicTotal' });
      used = true;
    }
    if (!used) {
      usable.forEach((b, i) => {
        let name = itemName(grid.text(r, b.nameCol!));
        let code = b.codeCol !== undefined ? codeDigits(grid.value(r, b.codeCol)) : '';
        let nameCol = b.nameCol!;
        // The name printed with the row's code before it ('30101 基本工资' beside 30101).
        const prefixed = code && name ? splitCodeName(name) : null;
        if (prefixed && prefixed.code === code) name = prefixed.name;
        if (!code) {
          // '30101 基本工资' or '[30101]基本工资' in the name cell or the code cell.
          for (const c of [b.nameCol!, b.codeCol].filter((x): x is number => x !== undefined)) {
            const both = splitCodeName(grid.text(r, c));
            if (both && (both.code.length === 3 || both.code.length === 5)) {
              code = both.code;
              name = both.name;
              nameCol = c;
              break;
            }
          }
        }
        if (b.sectionCol !== undefined) {
          // Split 类|款: the 类 printed on every row (301 | 01) or on the class row only, then carried
          // down the block (and from the block before: a third block continues the second's 类).
          const s = codeDigits(grid.value(r, b.sectionCol));
          if (code.length === 3) lastClass[i] = code;
          else if (code === '' && s) code = (lastClass[i] ??= i > 0 ? lastClass[i - 1] : undefined) ?? '';
          if (code.length === 3 && s) code += s.length === 1 ? `0${s}` : s;
        }
        const amountText = grid.text(r, b.amountCol!);
        if (!name && !code && !amountText) return;
        const n = normLabel(name);
        if (n === '合计' || n === '总计') {
          rows.push({ row: r, label: name, key: 'total' });
          used = true;
          return;
        }
        if (!name && !code) {
          warnings.push(`${a1(r, b.amountCol!)}：有金额但没有科目`);
          return;
        }
        const prev = perBlock[i][perBlock[i].length - 1];
        const group = b.band ?? groupByCode(code || null) ?? prev?.group ?? (i === 0 ? 'personnel' : 'public');
        const e: EconomicEntry = {
          code: code || null,
          name,
          nameRef: grid.ref(r, nameCol),
          figure: grid.fig(r, b.amountCol!),
          group,
          level: code.length === 3 ? 'class' : code.length === 5 ? 'section' : null,
        };
        if (nameCol !== b.nameCol) e.codeRef = e.nameRef;
        else if (b.codeCol !== undefined) e.codeRef = grid.ref(r, b.codeCol);
        if (code && code.length !== 3 && code.length !== 5) warnings.push(`第${r + 1}行：经济分类科目编码「${code}」无法识别`);
        perBlock[i].push(e);
        used = true;
      });
      if (used) rows.push({ row: r, label: filled.map((c) => grid.text(r, c)).join(' | '), key: 'entries' });
    }
    if (used) lastRow = r;
  }
  const entries = perBlock.flat();
  if (entries.length === 0 && !personnelTotal && !publicTotal) return null;
  const base = baseOf('basic-detail', grid, region, lastRow, lastColOf(grid, region, header), columns, rows, header.rows[0], warnings);
  const table = { ...base, kind: 'basic-detail', entries, personnelTotal, publicTotal } as BasicDetailTable;
  attachNote(table, grid, lastRow + 1, region);
  return table;
}

const TITLES = ['一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算明细表', '财政拨款基本支出决算表', '财政拨款基本支出决算明细表', '基本支出决算明细表'];

export const basicDetail: KindReader = {
  kind: 'basic-detail',
  titles: TITLES,
  read: readBasicDetail,
};
