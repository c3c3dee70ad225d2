// 科目 names and nesting: a name close to but not equal to the table's (or the catalogue's) name
// for the item, and a 项 written under a 款 (or a 款 under a 类) it does not belong to.
import { finding, type NarrativeRule } from './common';

export const nameRule: NarrativeRule = (c) => {
  if (c.type !== 'name') return [];
  if (c.suggestion) {
    return [finding('name', 'error', c, `科目名称“${c.written}”（${c.level}）有误，应为“${c.suggestion}”${c.codes.length ? `（${c.codes.join('、')}）` : ''}`, c.suggestion, c.written)];
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
  return [finding('level', 'warning', c, `“${c.name}”（${c.code}）是${c.actual}级科目，文中标为（${c.written}）`, c.actual, c.written)];
};
