// A figure without its unit: an amount ('支出决算为4.19。', '27.09，占3.22%') cannot be told from 元,
// a share without % ('占 76.23;') is a bare number, and '0.3 万' has lost its 元.
import { finding, type NarrativeRule } from './common';

export const unitRule: NarrativeRule = (c) => {
  if (c.type !== 'unit') return [];
  const written = c.cut ? `${c.raw}万` : c.raw;
  const what = c.unit === '%' ? '百分比' : '金额';
  return [finding('unit', 'warning', c, `${what}“${written}”${c.cut ? '单位不完整' : '缺少单位'}，应写为“${c.raw}${c.unit}”`, `${c.raw}${c.unit}`, written)];
};
