// Values written through Range.values/formulas, kept as what they are.

/** A value Excel keeps as typed ('=x' stays text, not a formula). */
export function literal(v: string | number | boolean): string | number | boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v) && isNaN(Number(v)) ? `'${v}` : v;
}
