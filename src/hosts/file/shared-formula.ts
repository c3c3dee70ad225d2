// A shared formula stores its text once, on the first cell of the group; every other cell of the
// group means the same formula with its relative references moved by the cell's offset.
import { columnIndex, columnName } from '../../core/address';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

// Strings, quoted sheet names and [..] parts are kept as they are; references are moved.
const TOKEN = /("(?:[^"]|"")*")|('(?:[^']|'')*')|(\[[^\]]*\])|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!])/g;
/** A reference cannot follow one of these (a lookbehind, written out: EdgeHTML 18 and IE11 have none). */
const NOT_AFTER = /[A-Za-z0-9_.$]/;

function moveCol(dollar: string, letters: string, dc: number): string | null {
  const c = columnIndex(letters);
  if (c >= MAX_COL) return null;
  const n = dollar ? c : c + dc;
  return n < 0 || n >= MAX_COL ? null : dollar + columnName(n);
}

/** The formula of a cell `dr` rows and `dc` columns away from the group's first cell. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let at = 0;
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    const [all, dq, sq, br] = m;
    if (!dq && !sq && !br && m.index > 0 && NOT_AFTER.test(formula.charAt(m.index - 1))) {
      re.lastIndex = m.index + 1; // as the engine would: try again one character on
      continue;
    }
    out += formula.slice(at, m.index) + moved(m, dr, dc);
    at = m.index + all.length;
  }
  return out + formula.slice(at);
}

/** What one token becomes: strings as they are, references moved. */
function moved(m: RegExpExecArray, dr: number, dc: number): string {
  const [all, dq, sq, br, cd, cl, rd, rn, c1d, c1, c2d, c2] = m;
  if (dq || sq || br) return all;
  if (cl !== undefined) {
    const row = Number(rn);
    if (columnIndex(cl) >= MAX_COL || row < 1 || row > MAX_ROW) return all; // not a cell reference
    const col = moveCol(cd, cl, dc);
    const r = rd ? row : row + dr;
    return col === null || r < 1 || r > MAX_ROW ? '#REF!' : `${col}${rd}${r}`;
  }
  if (c1 !== undefined) {
    const a = moveCol(c1d, c1, dc);
    const b = moveCol(c2d, c2, dc);
    return a === null || b === null ? '#REF!' : `${a}:${b}`;
  }
  return all;
}
