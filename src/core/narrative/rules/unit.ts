// An amount written without its unit ('27.09，占3.22%'): the reader cannot tell 元 from 万元.
import { finding, type NarrativeRule } from './common';

export const unitRule: NarrativeRule = (c) =>
  c.type === 'unit' ? [finding('unit', 'warning', c, `金额“${c.raw}”缺少单位，应写为“${c.raw}万元”`, `${c.raw}万元`, c.raw)] : [];
