// Every rule, in reporting order. Adding a rule: one file under <family>/ exporting `rule`, one line here, one test.
import { rule as sumBasicDetail } from './sum/basic-detail';
import { rule as sumCodedHierarchy } from './sum/coded-hierarchy';
import { rule as sumCodedTotal } from './sum/coded-total';
import { rule as sumFiscalSummary } from './sum/fiscal-summary';
import { rule as sumFundBalance } from './sum/fund-balance';
import { rule as sumPerfBasicData } from './sum/perf-basic-data';
import { rule as sumPerfPublicParts } from './sum/perf-public-parts';
import { rule as sumRowParts } from './sum/row-parts';
import { rule as sumStaffControlRate } from './sum/staff-control-rate';
import { rule as sumSummary } from './sum/summary';
import { rule as sumThreePublic } from './sum/three-public';
import { rule as crossBalances } from './cross/balances';
import { rule as crossDeptScorecard } from './cross/dept-scorecard';
import { rule as crossFiscalFunds } from './cross/fiscal-funds';
import { rule as crossFiscalGeneral } from './cross/fiscal-general';
import { rule as crossGeneralBasicDetail } from './cross/general-basic-detail';
import { rule as crossGeneralWithinExpenditure } from './cross/general-within-expenditure';
import { rule as crossIncomeFiscal } from './cross/income-fiscal';
import { rule as crossPerfProjects } from './cross/perf-projects';
import { rule as crossPerfPublicFunds } from './cross/perf-public-funds';
import { rule as crossPerfThreePublic } from './cross/perf-three-public';
import { rule as crossScorecardProjects } from './cross/scorecard-projects';
import { rule as crossSummaryExpenditure } from './cross/summary-expenditure';
import { rule as crossSummaryFiscalIncome } from './cross/summary-fiscal-income';
import { rule as crossSummaryIncome } from './cross/summary-income';
import { rule as crossSupplementCounts } from './cross/supplement-counts';
import { rule as crossSupplement } from './cross/supplement';
import { rule as crossThreePublicDetail } from './cross/three-public-detail';
import { rule as scorecardBudgetScore } from './scorecard/budget-score';
import { rule as scorecardDeviationReason } from './scorecard/deviation-reason';
import { rule as scorecardExecutionRate } from './scorecard/execution-rate';
import { rule as scorecardFundTotal } from './scorecard/fund-total';
import { rule as scorecardLevel1Cap } from './scorecard/level1-cap';
import { rule as scorecardOverBudget } from './scorecard/over-budget';
import { rule as scorecardRequiredFields } from './scorecard/required-fields';
import { rule as scorecardScoreCap } from './scorecard/score-cap';
import { rule as scorecardScoreTotal } from './scorecard/score-total';
import { rule as scorecardTargetMet } from './scorecard/target-met';
import { rule as scorecardWeightTotal } from './scorecard/weight-total';
import { rule as catalogueInconsistentName } from './catalogue/inconsistent-name';
import { rule as catalogueMissingParent } from './catalogue/missing-parent';
import { rule as catalogueNameMismatch } from './catalogue/name-mismatch';
import { rule as catalogueUnknownCode } from './catalogue/unknown-code';
import { rule as catalogueWrongParent } from './catalogue/wrong-parent';
import { rule as completenessCaptionYear } from './completeness/caption-year';
import { rule as completenessEmptyNote } from './completeness/empty-note';
import { rule as completenessTablesPresent } from './completeness/tables-present';
import { rule as completenessThreePublicNote } from './completeness/three-public-note';
import { rule as completenessUnitCaption } from './completeness/unit-caption';
import { rule as inputInvalidNumber } from './input/invalid-number';
import { rule as inputNegativeAmount } from './input/negative-amount';
import { rule as inputSupplementKey } from './input/supplement-key';
import { rule as inputTextNumber } from './input/text-number';
import { rule as inputUnreadRows } from './input/unread-rows';
import type { Rule } from './types';

export const RULES: Rule[] = [
  sumBasicDetail,
  sumCodedHierarchy,
  sumCodedTotal,
  sumFiscalSummary,
  sumFundBalance,
  sumPerfBasicData,
  sumPerfPublicParts,
  sumRowParts,
  sumStaffControlRate,
  sumSummary,
  sumThreePublic,
  crossBalances,
  crossDeptScorecard,
  crossFiscalFunds,
  crossFiscalGeneral,
  crossGeneralBasicDetail,
  crossGeneralWithinExpenditure,
  crossIncomeFiscal,
  crossPerfProjects,
  crossPerfPublicFunds,
  crossPerfThreePublic,
  crossScorecardProjects,
  crossSummaryExpenditure,
  crossSummaryFiscalIncome,
  crossSummaryIncome,
  crossSupplementCounts,
  crossSupplement,
  crossThreePublicDetail,
  scorecardBudgetScore,
  scorecardDeviationReason,
  scorecardExecutionRate,
  scorecardFundTotal,
  scorecardLevel1Cap,
  scorecardOverBudget,
  scorecardRequiredFields,
  scorecardScoreCap,
  scorecardScoreTotal,
  scorecardTargetMet,
  scorecardWeightTotal,
  catalogueInconsistentName,
  catalogueMissingParent,
  catalogueNameMismatch,
  catalogueUnknownCode,
  catalogueWrongParent,
  completenessCaptionYear,
  completenessEmptyNote,
  completenessTablesPresent,
  completenessThreePublicNote,
  completenessUnitCaption,
  inputInvalidNumber,
  inputNegativeAmount,
  inputSupplementKey,
  inputTextNumber,
  inputUnreadRows,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
