// The structural faults, in the order they are tested: `BEFORE` ahead of blaming single cells
// (their shape is unmistakable), `AFTER` on the broken relations no single cell explains.
import { miscodedRow } from './miscoded-row';
import { rateBase } from './rate-base';
import { repeatedSubtotal } from './repeated-subtotal';
import { shiftedColumn } from './shifted-column';
import { totalRow } from './total-row';
import type { Detector } from './types';

export const BEFORE: Detector[] = [repeatedSubtotal, rateBase];
export const AFTER: Detector[] = [miscodedRow, shiftedColumn, totalRow];
