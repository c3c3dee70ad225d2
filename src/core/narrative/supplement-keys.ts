// The keys of the 补充信息 sheet (SPEC §6): facts the tables do not hold. The UI creates the
// sheet from this list (column A key, column B blank, column C the hint); the generator reads it.
import { parseNumberText, toHalfWidth } from '../numbers';
import type { Supplement } from '../tables/types';

export interface SupplementKeyDef {
  key: string;
  /** Short Chinese hint shown next to the key. */
  hint: string;
  /** Alternative spellings accepted when reading (e.g. 公务接待团组 for 公务接待批次). */
  aliases?: string[];
  /** 'number' values are parsed as amounts (万元) or counts; 'text' kept as typed. */
  type: 'number' | 'text';
  /** True when a section of the 情况说明 cannot be written without it (reported as missing). */
  required: boolean;
}

/** Prefix of a reason line: `原因:2080106` or `原因:就业管理事务` (full-width colon accepted). */
export const REASON_PREFIX = '原因:';
/** Prefix of a 项's 年初预算 when the table has none (Shanghai): `年初预算:2080501`. */
export const BUDGET_PREFIX = '年初预算:';

/**
 * Keys of the reasons of the overall sentences (use them after `原因:`), besides 科目编码 / 科目名称
 * of a 项 of the 一般公共预算财政拨款支出决算表.
 */
export const REASON_TOPICS = [
  '收支总计',
  '财政拨款收支总计',
  '一般公共预算财政拨款支出',
  '一般公共预算财政拨款支出预算执行',
  '三公经费',
  '三公经费预算执行',
  '机关运行经费',
] as const;

export const SUPPLEMENT_KEYS: SupplementKeyDef[] = [
  { key: '单位名称', hint: '编制单位全称，如 怀化市就业服务中心（缺省时取自绩效自评表）', type: 'text', required: false },
  { key: '单位性质', hint: '行政单位 / 参照公务员法管理事业单位 / 事业单位（决定机关运行经费的口径）', type: 'text', required: true },
  { key: '上年收支总计', hint: '上年度收、支总计（万元）', type: 'number', required: true },
  { key: '上年收入合计', hint: '上年度本年收入合计（万元），可不填', type: 'number', required: false },
  { key: '上年支出合计', hint: '上年度本年支出合计（万元），可不填', type: 'number', required: false },
  { key: '上年财政拨款收支总计', hint: '上年度财政拨款收、支总计（万元）', type: 'number', required: true },
  { key: '上年一般公共预算财政拨款支出', hint: '上年度一般公共预算财政拨款支出（万元）', type: 'number', required: true },
  { key: '上年机关运行经费', hint: '上年度机关运行经费（万元）', type: 'number', required: true },
  { key: '上年三公经费', hint: '上年度财政拨款“三公”经费决算（万元）', type: 'number', required: true },
  { key: '上年因公出国费', hint: '上年度因公出国（境）费（万元），可不填', type: 'number', required: false },
  { key: '上年公务用车购置及运行费', hint: '上年度公务用车购置及运行维护费（万元），可不填', type: 'number', required: false },
  { key: '上年公务接待费', hint: '上年度公务接待费（万元），可不填', type: 'number', required: false },
  { key: '三公经费预算', hint: '“三公”经费预算数（万元），仅当三公经费表无预算数时填写', type: 'number', required: false },
  { key: '因公出国团组', hint: '全年因公出国（境）团组数（个）', type: 'number', required: true },
  { key: '因公出国人次', hint: '全年因公出国（境）人次', type: 'number', required: true },
  { key: '公务用车购置数量', hint: '全年购置公务用车数量（辆）', type: 'number', required: true },
  { key: '公务用车保有量', hint: '年末财政拨款开支的公务用车保有量（辆）', type: 'number', required: true },
  { key: '公务接待批次', hint: '国内公务接待批次', aliases: ['公务接待团组'], type: 'number', required: true },
  { key: '公务接待人次', hint: '国内公务接待人次（不包括陪同人员）', type: 'number', required: true },
  { key: '会议费', hint: '会议费支出（万元），缺省时取基本支出表30215', type: 'number', required: true },
  { key: '会议次数', hint: '全年召开会议次数，可不填', type: 'number', required: false },
  { key: '会议人次', hint: '参会人次，可不填', type: 'number', required: false },
  { key: '培训费', hint: '培训费支出（万元），缺省时取基本支出表30216', type: 'number', required: true },
  { key: '培训次数', hint: '全年举办培训次数，可不填', type: 'number', required: false },
  { key: '培训人次', hint: '培训人次，可不填', type: 'number', required: false },
  { key: '节庆论坛赛事活动支出', hint: '举办节庆、晚会、论坛、赛事活动支出（万元），未举办填0', type: 'number', required: true },
  { key: '政府采购支出总额', hint: '政府采购支出总额（万元）', type: 'number', required: true },
  { key: '政府采购货物支出', hint: '其中货物（万元）', type: 'number', required: false },
  { key: '政府采购工程支出', hint: '其中工程（万元）', type: 'number', required: false },
  { key: '政府采购服务支出', hint: '其中服务（万元）', type: 'number', required: false },
  { key: '授予中小企业合同金额', hint: '授予中小企业合同金额（万元）', type: 'number', required: false },
  { key: '授予小微企业合同金额', hint: '其中授予小微企业合同金额（万元），可不填', type: 'number', required: false },
  { key: '车辆总数', hint: '年末车辆总数（辆）', type: 'number', required: true },
  { key: '领导干部用车', hint: '其中领导干部用车（辆），可不填', type: 'number', required: false },
  { key: '一般公务用车', hint: '其中一般公务用车（辆），可不填', type: 'number', required: false },
  { key: '执法执勤用车', hint: '其中执法执勤用车（辆），可不填', type: 'number', required: false },
  { key: '特种专业技术用车', hint: '其中特种专业技术用车（辆），可不填', type: 'number', required: false },
  { key: '其他用车', hint: '其中其他用车（辆），可不填', type: 'number', required: false },
  { key: '单价100万元以上设备', hint: '单位价值100万元以上专用设备（台/套）', type: 'number', required: true },
  { key: '年初预算:<科目编码或名称>', hint: '一行一个项的年初预算数（万元），仅当一般公共预算财政拨款支出决算表无年初预算数时填写，键如 年初预算:2080501', type: 'number', required: false },
  { key: '原因:<科目编码或名称或主题>', hint: `一行一个原因，键如 原因:2080106、原因:就业管理事务、原因:${REASON_TOPICS.join('、原因:')}；值为原因文字`, type: 'text', required: false },
];

/**
 * Rows of a fresh 补充信息 sheet: a header, then every key with a blank value and its hint.
 * The 原因 line is an example key the user copies once per explained item.
 */
export function supplementTemplate(): [string, string, string][] {
  return [['项目', '内容', '说明'], ...SUPPLEMENT_KEYS.map((d): [string, string, string] => [d.key, '', d.hint])];
}

/** Normalise a key as typed: trim, half-width colon, no inner spaces. */
export function normKey(k: string): string {
  return toHalfWidth(k).replace(/：/g, ':').replace(/[\s\u3000]+/g, '');
}

const CANONICAL = new Map<string, string>();
for (const d of SUPPLEMENT_KEYS) {
  CANONICAL.set(normKey(d.key), d.key);
  for (const a of d.aliases ?? []) CANONICAL.set(normKey(a), d.key);
}

/** Header words of the 补充信息 sheet's key column: neither a key nor unknown. */
const HEADER_KEYS = new Set(['项目', '键']);

/**
 * Whether readSupplement uses a line with this key (normalised by normKey): a known key or alias,
 * a 原因:<subject> or 年初预算:<subject> line, or the header. The one test behind both the parsing
 * and the input.supplement-key check, so the check never calls a used line unused.
 */
export function isUsedSupplementKey(k: string): boolean {
  return k.startsWith(REASON_PREFIX) || k.startsWith(BUDGET_PREFIX) || CANONICAL.has(k) || HEADER_KEYS.has(k);
}

/** The known keys as normalised → canonical (for suggesting the nearest one to a typo). */
export function knownSupplementKeys(): ReadonlyMap<string, string> {
  return CANONICAL;
}

/** Parsed 补充信息: canonical key → raw value, plus reasons by subject. */
export interface SupplementFacts {
  values: Map<string, string | number>;
  reasons: Map<string, string>;
  /** 年初预算 of 项 by code or name (万元). */
  budgets: Map<string, number>;
  /** Keys present but not known (reported as info by the checks). */
  unknown: string[];
}

export function readSupplement(s: Supplement | null): SupplementFacts {
  const values = new Map<string, string | number>();
  const reasons = new Map<string, string>();
  const budgets = new Map<string, number>();
  const unknown: string[] = [];
  for (const e of s?.entries ?? []) {
    const k = normKey(String(e.key ?? ''));
    if (!k) continue;
    const v = e.value;
    const blank = v === null || (typeof v === 'string' && v.trim() === '');
    if (k.startsWith(REASON_PREFIX)) {
      const subject = k.slice(REASON_PREFIX.length);
      if (subject && !blank) reasons.set(subject, String(v).trim());
      continue;
    }
    if (k.startsWith(BUDGET_PREFIX)) {
      const subject = k.slice(BUDGET_PREFIX.length);
      const n = typeof v === 'number' ? v : v === null ? null : parseNumberText(String(v));
      if (subject && n !== null && Number.isFinite(n)) budgets.set(subject, n);
      continue;
    }
    const canon = CANONICAL.get(k);
    if (!canon) {
      if (!isUsedSupplementKey(k)) unknown.push(String(e.key).trim());
      continue;
    }
    if (!blank) values.set(canon, typeof v === 'string' ? v.trim() : v);
  }
  return { values, reasons, budgets, unknown };
}

/** A numeric supplement value, or null when absent or not a number. */
export function supNumber(f: SupplementFacts, key: string): number | null {
  const v = f.values.get(key);
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const n = parseNumberText(v.replace(/(个|辆|人次|人|次|批次|批|台|套)$/, ''));
  return n;
}

export function supText(f: SupplementFacts, key: string): string | null {
  const v = f.values.get(key);
  return v === undefined ? null : String(v);
}
