// The name the text gives a 科目: the table's, unless the catalogue proves the table's name is a
// misspelling of the code's name (惠普金融发展支出 for 21308 普惠金融发展支出) — then the catalogue's.
// A different naming convention (not a near miss) is left as the table prints it.
import { defaultCatalogue } from '../../catalogue/catalogue';
import { editDistance, normText } from '../parse';
import type { CodedItem } from '../facts';

function isSlip(a: string, b: string): boolean {
  const x = normText(a);
  const y = normText(b);
  if (x.length === y.length && [...x].sort().join('') === [...y].sort().join('')) return true;
  return editDistance(x, y) <= (y.length >= 6 ? 2 : 1);
}

export function itemName(code: string | null, printed: string, year: number | null): string {
  if (!code) return printed;
  const check = defaultCatalogue().checkName('function', code, printed, year ?? undefined);
  if (check.status !== 'mismatch' || !check.expected || check.severity === 'info') return printed;
  return isSlip(printed, check.expected.name) ? check.expected.name : printed;
}

/** Name of a parent row (款 or 类) from the table, then from the catalogue. */
export function parentName(items: CodedItem[], code: string, year: number | null): string | null {
  const row = items.find((i) => i.code === code);
  if (row) return itemName(code, row.name, year);
  return defaultCatalogue().get('function', code)?.name ?? null;
}

/** The 类/款/项 chain: 社会保障和就业支出（类）人力资源和社会保障管理事务（款）就业管理事务（项）. */
export function itemChain(items: CodedItem[], item: CodedItem, year: number | null): string {
  const code = item.code ?? '';
  const cls = code.length >= 3 ? parentName(items, code.slice(0, 3), year) : null;
  const sec = code.length >= 5 ? parentName(items, code.slice(0, 5), year) : null;
  return `${cls ? `${cls}（类）` : ''}${sec ? `${sec}（款）` : ''}${itemName(item.code, item.name, year)}（项）`;
}
