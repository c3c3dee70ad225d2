// Helpers for the WPS host tests and the bench: a host over a fake ET, and the snapshot as the
// WPS host gives it back.
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import type { EtApplication } from '../../src/hosts/wps/et';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { createFakeEt, type FakeEt, type FakeEtOptions } from './fake-et';

export function wpsHostOn(snapshot: WorkbookSnapshot, options: FakeEtOptions = {}): { fake: FakeEt; host: WpsHost } {
  const fake = createFakeEt(snapshot, options);
  return { fake, host: hostFor(fake) };
}

export function hostFor(fake: FakeEt): WpsHost {
  return new WpsHost(fake.Application as EtApplication, { pause: () => Promise.resolve() });
}

const byTopLeft = (a: { r1: number; c1: number }, b: { r1: number; c1: number }): number => a.r1 - b.r1 || a.c1 - b.c1;

/**
 * The snapshot as the WPS host reads it back: number formats only on cells holding numbers (ET
 * gives formats per area, and only numbers need one), merges in top-left order, flags only when true.
 */
export function comparableEt(s: WorkbookSnapshot): SheetSnapshot[] {
  return s.sheets.map((sh) => {
    const cells = sh.cells.map((r) =>
      r
        ? r.map((c) => {
            if (!c) return c;
            const out = { ...c };
            const numeric = typeof c.v === 'number' || (typeof c.v === 'string' && !!c.z && /^\d{4}-\d{2}-\d{2}$/.test(c.v));
            if (!numeric) delete out.z;
            return out;
          })
        : r,
    );
    const out: SheetSnapshot = { name: sh.name, cells, merges: [...sh.merges].sort(byTopLeft) };
    if (sh.protected) out.protected = true;
    if (sh.hidden) out.hidden = true;
    return out;
  });
}

/** The host's result with merges sorted, to compare with comparableEt. */
export function sorted(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return sheets.map((s) => ({ ...s, merges: [...s.merges].sort(byTopLeft) }));
}
