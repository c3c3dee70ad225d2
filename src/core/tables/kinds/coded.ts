// Reader shared by the tables keyed by 科目编码 (income, expenditure, general-budget, gov-fund,
// state-capital): one code column or three (类|款|项), a name column, amount columns by header.
import type { CellRef } from '../../address';
import { cellText, normLabel } from '../../text';
import type { Grid, Region } from '../common';
import { attachNote, baseOf, codeDigits, isNoteText, isTotalLabel, itemName, lastColOf, splitCodeName } from '../common';
import { readCodedHeader, type CodedHeader } from './coded-header';
import { isRepeatRow } from '../page';
import { defaultCatalogue } from '../../catalogue/catalogue';
import type { CodedRow, CodedTable, CodeLevel, Figure, RowInfo, TableKind } from '../types';

export interface CodedSpec {
  kind: CodedTable['kind'];
  /** Key of an amount column from its normalised header parts, or null. */
  classify(parts: string[]): string | null;
  /** Every inner list needs at least one of its keys present. */
  required: string[][];
}

export { isCodedHeaderCell, structuralKey } from './coded-header';

function level(code: string): CodeLevel | null {
  return code.length === 3 ? 'class' : code.length === 5 ? 'section' : code.length === 7 ? 'item' : null;
}

function pad2(d: string): string {
  return d.length === 1 ? `0${d}` : d;
}

/**
 * Read a coded table in the region. `given`: the column map of the table this region continues
 * (a continuation page transcribed without its header), used when the region has no header.
 */
export function readCoded(spec: CodedSpec, grid: Grid, region: Region, given?: CodedTable): CodedTable | null {
  const { c1, c2, r2 } = region;
  const read = readCodedHeader(spec, grid, region) ?? (given ? headerOf(given, region) : null);
  if (!read) return null;
  const { header, info, byKey, subHeader } = read;
  for (const alt of spec.required) if (!alt.some((k) => byKey.has(k))) return null;
  const codeCol = byKey.get('code');
  const split = byKey.has('codeClass') ? { cls: byKey.get('codeClass')!, sec: byKey.get('codeSection'), itm: byKey.get('codeItem') } : null;
  const nameCol = byKey.get('name');
  if (codeCol === undefined && !split && nameCol === undefined) return null;

  const valueKeys: string[] = [];
  for (const ci of info) if (byKey.get(ci.key) === ci.col && !['code', 'codeClass', 'codeSection', 'codeItem', 'name', 'lineNo', 'unknown'].includes(ci.key)) valueKeys.push(ci.key);

  const warnings: string[] = [];
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  for (const hr of header.rows) rows.push({ row: hr, label: header.columns.map((c) => c.header).join(' | '), key: 'header' });
  for (const lr of header.lineRows) rows.push({ row: lr, label: '栏次', key: 'lineNumbers' });

  const items: CodedRow[] = [];
  let total: CodedRow | null = null;
  let lastRow = header.lineRows.length ? header.lineRows[header.lineRows.length - 1] : header.rows.length ? header.rows[header.rows.length - 1] : region.titleRow;
  let lastClass = '';
  let lastSection = '';
  let noteDone = false;
  let innerNote: { note: string; ref: CellRef } | undefined;
  const labelCols = [codeCol, split?.cls, split?.sec, split?.itm, nameCol].filter((c): c is number => c !== undefined);
  const firstLabelCol = Math.min(...labelCols);
  const lastLabelCol = Math.max(...labelCols);

  for (let r = header.dataStart; r <= r2; r++) {
    const filled = grid.filledCols(r, c1, c2);
    if (filled.length === 0) continue;
    const firstText = grid.text(r, filled[0]);
    if (isNoteText(firstText)) {
      rows.push({ row: r, label: firstText, key: 'note' });
      // A note inside the table (an empty table's 注 above its 合计 row) does not end it.
      if (dataFollows(grid, r, region)) {
        innerNote ??= { note: firstText, ref: grid.ref(r, filled[0]) };
        continue;
      }
      noteDone = true;
      break;
    }
    if (isRepeatRow(grid, r, c1, c2, header, filled)) {
      rows.push({ row: r, label: firstText, key: 'repeat' });
      continue;
    }
    let code = '';
    const codeRefs: CellRef[] = [];
    if (split) {
      let cls = codeDigits(grid.value(r, split.cls));
      let sec = split.sec !== undefined ? pad2(codeDigits(grid.value(r, split.sec))) : '';
      const itm = split.itm !== undefined ? pad2(codeDigits(grid.value(r, split.itm))) : '';
      if (cls.length === 5 || cls.length === 7) {
        code = cls;
      } else {
        if (cls.length === 3) {
          lastClass = cls;
          if (!sec && !itm) lastSection = '';
        } else if (cls === '' && (sec || itm)) cls = lastClass;
        if (sec.length === 2) lastSection = sec;
        else if (itm) sec = lastSection;
        if (cls.length === 3) code = itm.length === 2 && sec.length === 2 ? cls + sec + itm : sec.length === 2 && !itm ? cls + sec : !sec && !itm ? cls : '';
      }
      for (const c of [split.cls, split.sec, split.itm]) if (c !== undefined && grid.text(r, c) !== '') codeRefs.push(grid.ref(r, c));
    } else if (codeCol !== undefined) {
      code = codeDigits(grid.value(r, codeCol));
      codeRefs.push(grid.ref(r, codeCol));
      // Codes printed relative to the row above in one column: 208, then 01 (款), then 06 (项).
      // (The name untrimmed: its indentation tells the level when the catalogue cannot.)
      if (code.length === 2) code = relativeCode(code, lastClass, lastSection, nameCol !== undefined ? cellText(grid.value(r, nameCol)) : '');
      if (code.length === 3) [lastClass, lastSection] = [code, ''];
      else if (code.length === 5) [lastClass, lastSection] = [code.slice(0, 3), code];
      else if (code.length === 7) [lastClass, lastSection] = [code.slice(0, 3), code.slice(0, 5)];
    }
    let name = nameCol !== undefined ? itemName(grid.text(r, nameCol)) : '';
    // The name printed with the row's code before it ('2080106 就业管理事务' beside 2080106).
    const prefixed = code && name ? splitCodeName(name) : null;
    if (prefixed && prefixed.code === code) name = prefixed.name;
    let nameRef = grid.ref(r, nameCol ?? codeCol ?? firstLabelCol);
    if (!code) {
      // '2080101 行政运行' or '[208]社会保障和就业支出' in one cell: the name cell or a code cell.
      // A code cell holding both is read only when the name cell is empty.
      for (const c of [nameCol, ...(name ? [] : labelCols)].filter((x): x is number => x !== undefined)) {
        const both = splitCodeName(grid.text(r, c));
        if (!both) continue;
        code = both.code;
        name = both.name;
        nameRef = grid.ref(r, c);
        codeRefs.splice(0, codeRefs.length, nameRef);
        break;
      }
    }
    // 合计 may sit in the code column, the name column, or a merge over both.
    let isTotal = false;
    if (!code) {
      for (let c = firstLabelCol; c <= lastLabelCol && !isTotal; c++) {
        const t = grid.shown(r, c);
        if (t.includes('计') && isTotalLabel(normLabel(t))) isTotal = true;
      }
      if (!isTotal && firstText.includes('计') && isTotalLabel(normLabel(firstText)) && filled[0] <= lastLabelCol) isTotal = true;
    }

    const values: Record<string, Figure> = {};
    for (const k of valueKeys) {
      const col = byKey.get(k)!;
      // A sub-header standing in this cell (合计|基本支出|项目支出 on the 合计 row): no figure here.
      if (subHeader?.row === r && subHeader.cols.has(col)) continue;
      values[k] = grid.fig(r, col);
    }

    if (isTotal) {
      const label = name && !/^\d+$/.test(name) ? name : normLabel(firstText) || '合计';
      const row: CodedRow = { row: r, code: null, codeRefs: [], name: label, nameRef: grid.ref(r, filled[0]), level: 'total', values };
      if (total) warnings.push(`第${r + 1}行：重复的合计行，已忽略`);
      else total = row;
      rows.push({ row: r, label, key: 'total' });
      lastRow = r;
      continue;
    }
    const lv = code ? level(code) : null;
    if (code && lv) {
      if (!name) warnings.push(`第${r + 1}行：科目 ${code} 没有名称`);
      items.push({ row: r, code, codeRefs, name, nameRef, level: lv, values });
      rows.push({ row: r, label: `${code} ${name}`, key: lv });
      lastRow = r;
      continue;
    }
    const hasAmount = valueKeys.some((k) => values[k] && (values[k].form === 'number' || values[k].form === 'text-number'));
    if (code || hasAmount) {
      warnings.push(`第${r + 1}行：无法识别科目编码${code ? `「${code}」` : ''}，该行未读取`);
      rows.push({ row: r, label: name || firstText, key: 'unrecognized' });
    }
  }

  // Rows coded by 经济分类 (301 工资福利支出 …, Sichuan's 一般公共预算财政拨款支出决算明细表): another
  // table under a look-alike title. Every 功能分类 code starts with 2.
  if (items.length > 0 && !items.some((it) => it.code?.startsWith('2'))) return null;
  const base = baseOf(spec.kind, grid, region, lastRow, lastColOf(grid, region, header), info, rows, header.rows[0] ?? region.titleRow, warnings);
  const empty = items.length === 0 && (!total || valueKeys.every((k) => (total!.values[k]?.value ?? 0) === 0));
  const table: CodedTable = { ...base, kind: spec.kind, valueKeys, total, items, empty };
  attachNote(table, grid, lastRow + 1, region);
  if (!table.note && innerNote) {
    table.note = innerNote.note;
    table.noteRef = innerNote.ref;
  }
  if (!table.note && !noteDone && empty) {
    // An empty table may carry its note inside (e.g. in a merged row before 合计).
    attachNote(table, grid, header.dataStart, region);
  }
  if (empty && !table.note) warnings.push('本表无数据，且没有说明为空表的注释');
  return table;
}

/**
 * A 2-digit code under a 类 (a 款) or under a 款 (a 项): the candidate the catalogue names as the
 * row is named, else the one its indentation points to (two levels of full-width spaces: a 项).
 */
function relativeCode(cc: string, cls: string, section: string, rawName: string): string {
  const asSection = cls.length === 3 ? cls + cc : '';
  const asItem = section.length === 5 ? section + cc : '';
  if (!asItem) return asSection;
  if (!asSection) return asItem;
  const named = defaultCatalogue().findByName('function', itemName(rawName)).map((e) => e.code);
  if (named.includes(asItem) && !named.includes(asSection)) return asItem;
  if (named.includes(asSection) && !named.includes(asItem)) return asSection;
  const indent = /^[\s\u3000]*/.exec(rawName)![0].replace(/\u3000/g, '  ').length;
  return indent >= 3 ? asItem : indent >= 1 ? asSection : '';
}

/** The column map of `t` as the header of a region that has none (the data starts under its title). */
function headerOf(t: CodedTable, region: Region): CodedHeader {
  const byKey = new Map<string, number>();
  for (const c of t.columns) if (c.key !== 'unknown' && !byKey.has(c.key)) byKey.set(c.key, c.col);
  const columns = t.columns.map((c) => ({ col: c.col, parts: [c.header], norm: [normLabel(c.header)], header: c.header }));
  return { header: { rows: [], columns, dataStart: region.titleRow + 1, lineRows: [] }, info: t.columns.map((c) => ({ ...c })), byKey, subHeader: null };
}

/** Does a 合计 row or a coded row come next (within a few rows) after row r? */
function dataFollows(grid: Grid, r: number, region: Region): boolean {
  for (let k = r + 1; k <= Math.min(region.r2, r + 4); k++) {
    const filled = grid.filledCols(k, region.c1, region.c2);
    if (filled.length === 0) continue;
    const t = grid.text(k, filled[0]);
    return isTotalLabel(normLabel(t)) || codeDigits(grid.value(k, filled[0])).length >= 3 || splitCodeName(t) !== null;
  }
  return false;
}

/** Helpers for classifying amount columns. */
export function lastPart(parts: string[]): string {
  return parts[parts.length - 1] ?? '';
}

export function anyPart(parts: string[], re: RegExp): boolean {
  return parts.some((p) => re.test(p));
}

export type { TableKind };
