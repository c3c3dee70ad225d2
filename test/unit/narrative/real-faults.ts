// The faults of the two published Shanghai reports' 情况说明 (../shared/fixtures/real/), each
// established by hand from the printed tables and written down with the arithmetic behind it.
// Line numbers are those of the *.narrative.txt files (one paragraph per line).
export interface KnownFault {
  line: number;
  rule: string;
  severity: 'error' | 'warning';
  /** Why it is a fault: the figures and the sum that prove it. */
  why: string;
}

export const REAL_FAULTS: Record<'shengtai' | 'yichuan', KnownFault[]> = {
  // 上海市普陀区生态环境局 2025
  shengtai: [
    { line: 41, rule: 'narrative.zero-base', severity: 'error', why: '三公表 因公出国（境）费 预算数 0、决算数 0: 0 ÷ 0 has no value, yet the text prints 完成预算的 0.00%' },
    { line: 42, rule: 'narrative.contradiction', severity: 'error', why: '公务接待费 "减少为 0.00万元，与 2024 年持平": one clause says both 减少 and 持平' },
    { line: 50, rule: 'narrative.unit', severity: 'warning', why: '"国内公务接待支出 0.00 万": the unit 万元 is cut to 万' },
    { line: 59, rule: 'narrative.change', severity: 'error', why: '机关运行经费 185.41, 增加 4.68 → 上年 180.73; 4.68 ÷ 180.73 = 2.5895% → 2.59%; with every figure ±0.005 the rate lies in 2.5866%–2.5925%, the text says 2.60%' },
  ],
  // 上海市普陀区人民政府宜川路街道办事处 2025
  yichuan: [
    { line: 12, rule: 'narrative.change', severity: 'error', why: '一般公共预算财政拨款支出 20218.21, 减少 929.49 → 上年 21147.70; 929.49 ÷ 21147.70 = 4.3952% → 4.40%, the text says 4.35%' },
    { line: 14, rule: 'narrative.unit', severity: 'warning', why: '"城乡社区支出(类)15411.43 万元，占 76.23;": the share (15411.43 ÷ 20218.21 = 76.2253%) is printed without %' },
    { line: 22, rule: 'narrative.unit', severity: 'warning', why: '"支出决算为4.19。": 其他市场监督管理事务 4.19 without 万元' },
    { line: 26, rule: 'narrative.name', severity: 'error', why: '"文化体育与传媒支出（类）": 207 is 文化旅游体育与传媒支出 since 2019, as the report\'s own 收入支出决算总表 and 支出决算表 print it' },
    { line: 57, rule: 'narrative.change', severity: 'error', why: '公务用车购置及运行维护费 19.56, 减少 3.59 → 上年 23.15; 3.59 ÷ 23.15 = 15.508% → 15.51%, the text says 15.31% (the rate of the 三公 total, 3.59 ÷ 23.45)' },
    { line: 57, rule: 'narrative.change-sum', severity: 'warning', why: '三公 减少 3.59, yet its parts: 公务用车 减少 3.59 + 公务接待 增加 0.30 = 减少 3.29 (0.30 apart, beyond the ±0.06 of the printed figures); 因公出国 is not mentioned (0.00 this year), so the parts cannot add up unless it fell by 0.30 — a warning, not provable without its prior' },
    { line: 57, rule: 'narrative.zero-base', severity: 'error', why: '公务接待费 0.30, 增加 0.30 → 上年 0; a growth rate from 0 does not exist, yet the text says 增长 100%' },
    { line: 64, rule: 'narrative.unit', severity: 'warning', why: '"国内公务接待支出 0.3 万": the unit 万元 is cut to 万' },
    { line: 67, rule: 'narrative.amount', severity: 'error', why: '2219899 其他住房保障支出 is 105.00 in 支出决算表, 收入决算表 and the 政府性基金 table (and the line before says 105.00); the text says 135.00 twice' },
  ],
};
