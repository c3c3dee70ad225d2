// 其中 各项的增减额之和等于合计的增减额: “三公”经费减少3.59万元，其中：公务用车减少3.59万元，
// 公务接待费增加0.30万元 cannot all be true (a real 2025 report copied the total's change into
// its largest part). Provable only when every part is stated, so an error then; when a part is not
// mentioned its change is unknown and the finding is a warning that names it.
import { fmt } from '../../numbers';
import { finding, type Claim, type TextRule } from './common';

/** Totals whose parts the text lists after 其中 (keys of narrative/entities.ts). */
const PARTS: Record<string, string[]> = {
  threePublic: ['abroad', 'vehicle', 'reception'],
  vehicle: ['vehiclePurchase', 'vehicleOperation'],
  expenditureTotal: ['basic', 'project'],
};
const PART_LABELS: Record<string, string> = {
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行维护费',
  reception: '公务接待费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  basic: '基本支出',
  project: '项目支出',
};

type Change = Extract<Claim, { type: 'change' }>;

const keyOf = (c: Change) => c.cands[0]?.key ?? '';
const half = (c: Change) => 0.5 * 10 ** -(c.decimals ?? 2);
const signed = (c: Change) => (c.what === 'flat' ? 0 : c.dir * (c.value ?? 0));
const words = (v: number) => (Math.abs(v) < 1e-9 ? '持平' : `${v > 0 ? '增加' : '减少'}${fmt(Math.abs(v))}万元`);

export const changeSumRule: TextRule = (ctx) => {
  const out = [];
  const amounts = ctx.claims.filter((c): c is Change => c.type === 'change' && (c.what === 'amount' || c.what === 'flat') && (c.what === 'flat' || c.value !== null));
  for (const total of amounts) {
    const parts = PARTS[keyOf(total)];
    if (!parts) continue;
    // The parts stated after the total on the same line (the 其中 list), each once.
    const stated = new Map<string, Change>();
    for (const c of amounts) if (c.line === total.line && c !== total && parts.includes(keyOf(c)) && !stated.has(keyOf(c))) stated.set(keyOf(c), c);
    if (stated.size < 2 && !(stated.size === 1 && parts.length === 1)) continue;
    const list = [...stated.values()];
    const sum = list.reduce((s, c) => s + signed(c), 0);
    const tolerance = half(total) + list.reduce((s, c) => s + half(c), 0) + 1e-9;
    const diff = signed(total) - sum;
    if (Math.abs(diff) <= tolerance) continue;
    const unstated = parts.filter((k) => !stated.has(k));
    const detail = list.map((c) => `${c.cands[0].label}${words(signed(c))}`).join('，');
    const base = `${total.cands[0].label}${words(signed(total))}，但其中各项增减之和为${words(sum)}（${detail}），相差${fmt(Math.abs(diff))}万元`;
    if (unstated.length === 0) {
      out.push(finding('change-sum', 'error', total, `${base}。各项增减额之和应等于合计的增减额，请核对`, Number(fmt(signed(total))), Number(fmt(sum))));
    } else {
      const names = unstated.map((k) => PART_LABELS[k]);
      out.push(finding('change-sum', 'warning', total, `${base}；文中未说明${names.join('、')}的增减。如其与上年持平，则各项增减额与合计不符，请核对`, Number(fmt(signed(total))), Number(fmt(sum))));
    }
  }
  return out;
};
