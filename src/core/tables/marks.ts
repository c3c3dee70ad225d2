// Texts that stand in a table's frame but are neither header nor data: unit captions, the
// preparing unit, table codes, page numbers and continuation titles (PDF transcriptions and
// multi-page exports repeat them between data rows).
import { toHalfWidth } from '../numbers';
import { normLabel } from '../text';
import type { Unit } from './types';

/** Unit stated in a caption or header: 单位：万元, 金额单位：元, （万元）. */
export function unitIn(text: string): Unit | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /单位[:：]?(万元|元)/.exec(t) ?? /[(（](万元|元)[)）]/.exec(t);
  return m ? (m[1] as Unit) : undefined;
}

/** Page numbers: 第 2 页, 第2页 共12页, 共12页第2页, - 3 -, —5—, 2/12. */
export function isPageMark(raw: string): boolean {
  const t = toHalfWidth(raw).replace(/\s+/g, '');
  return /^(?:共\d{1,3}页[,，]?)?第\d{1,3}页(?:[,，/]?共\d{1,3}页)?$/.test(t) || /^[-—–－―]+\d{1,3}[-—–－―]+$/.test(t) || /^\d{1,3}\/\d{1,3}$/.test(t);
}

/** The title of a table continued from the page before: …（续表）, 续表：…, …(续), or a bare 续表. */
export function isContinuationTitle(raw: string): boolean {
  const t = normLabel(raw).replace(/(?:金额)?单位[:：]?(?:万元|元)$/, '');
  return /^续表\d*(?:[:：]|$)|\(续表?\d*\)$|续表$/.test(t);
}

/**
 * Caption lines between a title and its header: the unit (单位：万元, alone in its cell), the
 * preparing unit (编制单位：…), table codes (公开03表), the year (2023年度, (2023年)); a bare
 * 2023年 may head a column and is no caption.
 */
export function isCaptionText(raw: string): boolean {
  const t = toHalfWidth(raw).replace(/\s+/g, '');
  if (t.length > 60) return false;
  return (
    /^(?:金额)?单位[:：]?(?:万元|元)$|^[(（](?:万元|元)[)）]$/.test(t) ||
    /^(?:编制|填报|填表|报送|预算)?(?:单位|部门)(?:名称)?[:：]/.test(t) ||
    /^(?:部门)?公开\d{1,2}表$|^(?:附)?表\d{1,2}(?:-\d{1,2})?$/.test(t) ||
    /^[(（]\d{4}年度?[)）]$|^\d{4}年度$/.test(t)
  );
}

/** A note below (or inside) a table: 注：…, 说明：…, 本表反映…, …故本表为空表. */
export function isNoteText(t: string): boolean {
  // Cheap pre-check: this runs on every data row.
  if (!/^\s*[注说备本]|空表/.test(t)) return false;
  return /^\s*(注|说明|备注)\s*[:：\d]/.test(toHalfWidth(t)) || /^\s*本表(反映|为|无)|故本表为空|本表为空表/.test(t);
}

/** Frame text of any of these kinds (never header, never data). */
export function isFrameText(raw: string): boolean {
  return isCaptionText(raw) || isPageMark(raw) || isContinuationTitle(raw);
}
