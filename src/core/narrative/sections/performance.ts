// 预算绩效情况 (Hunan 十四) / 预算绩效管理情况 (Shanghai 十): what the published reports say — how many
// projects and how much money were self-evaluated and the 部门整体 score, from the scorecards in the
// workbook — then 存在的问题及原因分析 and 下一步改进措施, which only the officer can write
// (placeholders with a hint).
import type { SectionContext } from './context';
import { percent, wan } from '../frames';
import { fmt } from '../../numbers';

export function performanceSection(c: SectionContext): string[] {
  const { f } = c;
  const dept = f.deptScorecards;
  const proj = f.projectScorecards;
  const out: string[] = [];
  if (!dept.length && !proj.length) {
    out.push(`${c.yearText}预算绩效管理工作开展情况${c.needTable('perf-project-scorecard')}。`);
  } else {
    // Worded so that the checker reads each figure as the scorecards' (项目支出绩效自评 / 部门整体支出绩效自评).
    if (proj.length) {
      const budget = proj.reduce((s, p) => s + (p.fullBudget ?? 0), 0);
      const executed = proj.reduce((s, p) => s + (p.executed ?? 0), 0);
      const scored = proj.filter((p) => p.score !== null);
      const avg = scored.length ? scored.reduce((s, p) => s + (p.score as number), 0) / scored.length : null;
      const rate = percent(executed, budget);
      out.push(
        `${c.yearText}${c.unit}开展项目支出绩效自评${proj.length}个，涉及全年预算数${wan(budget)}，全年执行数${wan(executed)}${rate ? `，执行率${rate}` : ''}` +
          (avg !== null ? `，平均得分${fmt(avg)}分。` : `，得分${c.needText('项目绩效自评得分', '自评表未填得分')}。`),
      );
    }
    for (const d of dept) {
      out.push(
        `开展部门整体支出绩效自评1个${d.executed !== null ? `，全年执行数${wan(d.executed)}` : ''}，` +
          (d.score !== null ? `自评得分${fmt(d.score)}分。` : `自评得分${c.needText('部门整体支出绩效自评得分', '自评表未填得分')}。`),
      );
    }
  }
  out.push(`存在的问题及原因分析：${c.needText('存在的问题及原因分析', '如绩效目标设置不够细化、个别项目执行进度偏慢，并说明原因')}`);
  out.push(`下一步改进措施：${c.needText('下一步改进措施', '如加强绩效目标管理、强化自评结果应用')}`);
  return out;
}
