// A workbook with no 决算 table (a purchase list, random content): say so plainly, show what was
// looked for, and say that nothing was written.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { TABLE_KINDS, TABLE_KIND_NAMES } from '../../../core/tables/types';
import { useStyles } from '../../styles';

/** The table titles detection looks for, in the order of the 公开 tables. */
export const LOOKED_FOR = TABLE_KINDS.map((k) => TABLE_KIND_NAMES[k]);

export const HOW_RECOGNISED = '识别依据是单元格中的表格标题（如“收入决算表”）、表头（如“科目编码”“科目名称”“本年收入合计”）和单位说明（如“单位：万元”），与工作表名称和顺序无关。';

/** Body text for notices of actions refused on such a workbook (重新计算, 生成情况说明, 标记). */
export function notRecognisedText(action: string): string {
  return `工作簿中没有识别出任何部门决算表格，因此未${action}，工作簿未被改动。请查看“检查结果”中列出的查找范围。`;
}

export function NotRecognised({ sheetCount }: { sheetCount: number }) {
  const s = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="not-recognised">
      <MessageBarBody>
        <MessageBarTitle>未识别出决算表格</MessageBarTitle>
        <div>
          已查看全部 {sheetCount} 个工作表，没有找到部门决算公开表格，所以没有可核对的数字；重新计算、生成情况说明和标记都不会改动这个工作簿。
        </div>
        <div className={s.lookedFor}>查找的表格：{LOOKED_FOR.join('、')}。</div>
        <div className={s.lookedFor}>{HOW_RECOGNISED}</div>
        <div>请确认打开的是本单位的决算公开工作簿；若表格标题或表头是图片、或整张表合并成一格文字，请改为普通单元格后再点击“检查”。</div>
      </MessageBarBody>
    </MessageBar>
  );
}
