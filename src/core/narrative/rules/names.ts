// 科目 names and nesting: a name close to but not equal to the table's (or the catalogue's) name
// for the item, an old name of a renamed 科目, a 项 written under a 款 (or a 款 under a 类) it does
// not belong to, and a name labelled at the wrong level. Each is one finding giving the right name.
import { oldNameOf } from '../old-names';
import { finding, type NarrativeRule } from './common';

export const nameRule: NarrativeRule = (c) => {
  if (c.type !== 'name') return [];
  if (c.suggestion) {
    const old = oldNameOf(c.written);
    const notes = [...new Set(c.codes)];
    if (old) notes.push(`“${old.old}”是${old.since}年以前的旧名称`);
    return [finding('name', c.severity ?? 'error', c, `科目名称“${c.written}”（${c.level}）有误，应为“${c.suggestion}”${notes.length ? `（${notes.join('；')}）` : ''}`, c.suggestion, c.written)];
  }
  return [finding('name', 'info', c, `科目“${c.written}”（${c.level}）在表中和科目目录中均未找到`, null, c.written)];
};

export const nestingRule: NarrativeRule = (c) => {
  if (c.type !== 'nesting') return [];
  return [
    finding('nesting', 'error', c, `“${c.name}”（${c.level}，${c.code}）属于“${c.parentExpected}”，文中列在“${c.parentWritten}”之下`, c.parentExpected, c.parentWritten),
  ];
};

export const levelRule: NarrativeRule = (c) => {
  if (c.type !== 'level') return [];
  const below = c.children.length ? `；其下的${c.actual === '类' ? '款' : '项'}为：${c.children.join('、')}` : '';
  return [finding('level', 'warning', c, `“${c.name}”（${c.code}）是${c.actual}级科目，文中标为（${c.written}）${below}`, c.actual, c.written)];
};
