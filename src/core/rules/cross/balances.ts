// 财政拨款 carry-overs are part of all carry-overs: the summary's 年初/年末结转和结余 cannot be
// smaller than the fiscal-summary's 年初/年末财政拨款结转和结余 (warning).
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

export const rule: Rule = {
  id: 'cross.balances',
  family: 'cross',
  severity: 'warning',
  description: '收入支出决算总表年初、年末结转和结余不小于财政拨款收入支出决算总表的财政拨款结转和结余',
  relations(ctx) {
    const s = ctx.table('summary');
    const fs = ctx.table('fiscal-summary');
    if (!s || !fs) return [];
    return collect([
      s.openingBalance && fs.opening
        ? compare({ primary: { table: s, fig: s.openingBalance.figure }, others: [{ table: fs, fig: fs.opening.figure }], mode: 'atLeast', what: '收入支出决算总表「年初结转和结余」', basis: '财政拨款收入支出决算总表「年初财政拨款结转和结余」' })
        : null,
      s.closingBalance && fs.closing?.total
        ? compare({ primary: { table: s, fig: s.closingBalance.figure }, others: [{ table: fs, fig: fs.closing.total }], mode: 'atLeast', what: '收入支出决算总表「年末结转和结余」', basis: '财政拨款收入支出决算总表「年末财政拨款结转和结余」' })
        : null,
    ]);
  },
};
