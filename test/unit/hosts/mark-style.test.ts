import { a1, parseA1 } from '../../../src/core/address';
import type { Severity } from '../../../src/core/findings';
import { groupFindings, markKey, markTargets, type MarkAnchor } from '../../../src/hosts/file/mark-style';

const f = (sheet: string | null, cell: string | null, severity: Severity, message: string) => ({ sheet, cell, severity, message });
const same: MarkAnchor = (_s, row, col) => ({ row, col });
/** B2:C3 merged on S. */
const merged: MarkAnchor = (s, row, col) => (s === 'S' && row >= 1 && row <= 2 && col >= 1 && col <= 2 ? { row: 1, col: 1 } : { row, col });

describe('groupFindings', () => {
  it('makes one target per cell: worst severity, messages most severe first, no repeats', () => {
    const g = groupFindings([f('S', 'B2', 'info', 'i'), f('S', '$B$2:C3', 'error', 'e'), f('S', 'B2', 'info', 'i'), f(null, null, 'error', 'n'), f('S', 'bad', 'error', 'x')], parseA1, a1);
    expect(g).toEqual([{ sheet: 'S', address: 'B2', row: 1, col: 1, severity: 'error', messages: ['e', 'i'] }]);
  });
});

describe('markTargets', () => {
  it('is groupFindings keyed by markKey when no cell moves', () => {
    const findings = [f('S', 'A1', 'warning', 'w'), f('S', 'A2', 'error', 'e'), f('T', 'A1', 'info', 'i')];
    const t = markTargets(findings, parseA1, a1, same);
    expect([...t.keys()]).toEqual([markKey('S', 'A1'), markKey('S', 'A2'), markKey('T', 'A1')]);
    expect([...t.values()]).toEqual(groupFindings(findings, parseA1, a1));
  });

  it('groups cells of one merge at its top-left: worst severity wins, messages in order of the cells', () => {
    const t = markTargets([f('S', 'B2', 'warning', 'w'), f('S', 'C3', 'error', 'e'), f('S', 'C2', 'warning', 'w'), f('T', 'C3', 'info', 'i')], parseA1, a1, merged);
    expect([...t.values()]).toEqual([
      // B2's messages first, then C3's (not re-sorted by severity), 'w' once.
      { sheet: 'S', address: 'B2', row: 1, col: 1, severity: 'error', messages: ['w', 'e'] },
      { sheet: 'T', address: 'C3', row: 2, col: 2, severity: 'info', messages: ['i'] },
    ]);
  });

  it('drops cells the anchor refuses and keys by the sheet name the anchor gives', () => {
    const anchor: MarkAnchor = (s, row, col) => (s.toLowerCase() === 's' ? { sheet: 'S', row, col } : null);
    const t = markTargets([f('s', 'A1', 'info', 'a'), f('S', 'A1', 'error', 'b'), f('Gone', 'A1', 'error', 'c')], parseA1, a1, anchor);
    expect([...t.entries()]).toEqual([[markKey('S', 'A1'), { sheet: 'S', address: 'A1', row: 0, col: 0, severity: 'error', messages: ['a', 'b'] }]]);
  });
});
