// The narrative rules, each a small module: claim rules judge each figure or name the reader took
// from a sentence; text rules read the lines themselves.
import type { NarrativeRule, TextRule } from './common';
import { amountRule } from './amount';
import { changeRule } from './change';
import { changeSumRule } from './change-sum';
import { completionRule } from './completion';
import { contradictionRule } from './contradiction';
import { coverageRule } from './coverage';
import { directionRule } from './direction';
import { levelRule, nameRule, nestingRule } from './names';
import { placeholderRule } from './placeholder';
import { reasonRule } from './reason';
import { remnantRule } from './remnant';
import { repeatRule } from './repeat';
import { shareRule } from './share';
import { unitRule } from './unit';
import { yearRule } from './year';

export const NARRATIVE_RULES: NarrativeRule[] = [amountRule, unitRule, shareRule, completionRule, directionRule, changeRule, contradictionRule, nameRule, nestingRule, levelRule];
export const TEXT_RULES: TextRule[] = [placeholderRule, remnantRule, repeatRule, yearRule, reasonRule, coverageRule, changeSumRule];
export type { Claim, NarrativeRule, RuleContext, Stated, TextContext, TextRule } from './common';
