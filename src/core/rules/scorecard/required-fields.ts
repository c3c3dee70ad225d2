// Fields a scorecard cannot be submitted without: 项目名称, 主管部门, 实施单位, 年度总体目标, every 得分.
import type { CellRef } from '../../address';
import type { Rule, RuleFinding, } from '../types';
import { findingAt } from '../util/report';
import { isBlank, scoreUnits } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.required-fields',
  family: 'scorecard',
  severity: 'warning',
  description: '绩效自评表必填项（项目名称、主管部门、实施单位、年度总体目标、得分）不得为空',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      const project = sc.kind === 'perf-project-scorecard';
      const title = sc.name.trim() ? `“${sc.name.trim()}”` : '';
      const blank = (ref: CellRef | null, what: string) => out.push(findingAt(sc, ref ?? sc.titleRef, `绩效自评表${title}${what}未填写`, { expected: what, actual: null }));
      if (!sc.name.trim()) blank(sc.nameRef, project ? '项目名称' : '预算单位名称');
      if (project && !sc.department.trim()) blank(sc.departmentRef, '主管部门');
      if (project && !sc.implementer.trim()) blank(sc.implementerRef, '实施单位');
      if (!sc.goals.expected.trim()) blank(sc.goals.expectedRef, '年度总体目标（预期目标）');
      if (!sc.goals.actual.trim()) blank(sc.goals.actualRef, '年度总体目标（实际完成情况）');
      for (const u of scoreUnits(sc)) {
        const weighted = u.weights.some((w) => !isBlank(w) && w.value);
        if (!weighted) continue;
        if (u.scores.length === 0 || u.scores.every((f) => isBlank(f))) {
          const ref = u.scores[0]?.ref ?? u.rows[0].level3Ref;
          blank(ref, `指标“${u.rows[0].level3.trim()}”的得分`);
        }
      }
      const fr = sc.funds.total;
      if (fr?.weight && !isBlank(fr.weight) && fr.weight.value && (!fr.score || isBlank(fr.score))) blank(fr.score?.ref ?? fr.labelRef, '预算执行率得分');
    }
    return out;
  },
};
