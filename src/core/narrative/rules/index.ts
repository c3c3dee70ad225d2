// The narrative rules, each a small module; the checker runs every rule on every claim.
import type { NarrativeRule } from './common';
import { amountRule } from './amount';
import { changeRule } from './change';
import { completionRule } from './completion';
import { directionRule } from './direction';
import { levelRule, nameRule, nestingRule } from './names';
import { shareRule } from './share';
import { unitRule } from './unit';

export const NARRATIVE_RULES: NarrativeRule[] = [amountRule, unitRule, shareRule, completionRule, directionRule, changeRule, nameRule, nestingRule, levelRule];
export type { Claim, NarrativeRule, RuleContext } from './common';
