// Formulas written through the fake get a cached value, as Excel would give them (the file
// host's evaluator; what it does not cover is left without a value).
import { evaluateFormula, UnsupportedFormula, type EvalContext } from '../../src/hosts/file/formula-eval';
import { findSheet, key, unkey, type FakeCell, type FakeDoc, type FakeSheet } from './doc';

export function evaluate(doc: FakeDoc, sheet: FakeSheet, formula: string): FakeCell['v'] {
  const ctx: EvalContext = {
    get: (name, r, c) => {
      const cell = findSheet(doc, name)?.cells.get(key(r, c));
      return cell ? cell.v : null;
    },
    sheetName: (name) => findSheet(doc, name)?.name ?? null,
    lastRow: (name) => {
      let last = 0;
      for (const k of findSheet(doc, name)?.cells.keys() ?? []) last = Math.max(last, unkey(k)[0]);
      return last;
    },
  };
  try {
    const v = evaluateFormula(formula, sheet.name, ctx);
    return typeof v === 'number' ? Number(v.toPrecision(15)) : v;
  } catch (e) {
    if (e instanceof UnsupportedFormula) return null;
    throw e;
  }
}

