// 情况说明: generate and preview, choose the profile, copy / write to sheet / download .docx,
// and check the officer's own text against the tables.
import * as React from 'react';
import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Textarea, useRestoreFocusTarget } from '@fluentui/react-components';
import { missingLabel, type Narrative, type NarrativeProfile } from '../../core/narrative/types';
import { useStyles } from '../styles';

export const PROFILE_LABELS: Record<NarrativeProfile, string> = { hunan: '湖南格式', shanghai: '上海格式' };

/**
 * Splits a paragraph so that 【请填写…】 placeholders stand out for the officer. A 【请填写原因】 that
 * has a field below becomes a button that takes the officer to it (k = its order in the paragraph).
 */
function withPlaceholders(text: string, cls: string, btnCls: string, onReason?: (k: number) => void): React.ReactNode[] {
  const parts = text.split(/(【[^】]*】)/);
  let k = 0;
  return parts.map((p, i) => {
    if (!(p.startsWith('【') && p.endsWith('】'))) return <React.Fragment key={i}>{p}</React.Fragment>;
    if (p === '【请填写原因】' && onReason) {
      const n = k++;
      return (
        <button key={i} type="button" className={btnCls} onClick={() => onReason(n)} title="在下方填写原因">
          {p}
        </button>
      );
    }
    return (
      <mark key={i} className={cls}>
        {p}
      </mark>
    );
  });
}

export type CheckSource = 'text' | 'sheet';

export interface NarrativePanelProps {
  narrative: Narrative | null;
  /** null before the first generation (the workbook's tables then suggest one). */
  profile: NarrativeProfile | null;
  busy: boolean;
  canWrite: boolean;
  onProfile(p: NarrativeProfile): void;
  onGenerate(): void;
  onCopy(): void;
  onWrite(): void;
  onDownloadDocx?: () => void;
  ownText: string;
  onOwnText(t: string): void;
  onCheckOwn(): void;
  /** Rendered findings of the own-text check (a FindingsList), or null before checking. */
  ownResult: React.ReactNode;
  /** The text area, so that a finding can select its line. */
  ownTextRef?: React.Ref<HTMLTextAreaElement>;
  /** Shown above the preview (e.g. the 补充信息 sheet is missing). */
  supplementBar?: React.ReactNode;
  /** Shown below the preview (the reasons to fill in). */
  reasons?: React.ReactNode;
  /** A 【请填写原因】 in the preview was clicked: section, paragraph, its order in the paragraph. */
  onReasonPlaceholder?: (section: number, paragraph: number, k: number) => void;
  /** Opens the 补充信息 form (offered next to the missing list). */
  onFillSupplement?: () => void;
  checkSource: CheckSource;
  onCheckSource(s: CheckSource): void;
  /** Sheets whose column A can be checked (情况说明 first). */
  textSheets: string[];
  checkSheet: string;
  onCheckSheet(name: string): void;
  onCheckSheetText(): void;
}

/** Selects a 1-based line of a text area (a narrative finding points at it). */
export function selectLine(ta: HTMLTextAreaElement | null, line: number): void {
  if (!ta) return;
  const lines = ta.value.split('\n');
  if (line < 1 || line > lines.length) return;
  let start = 0;
  for (let i = 0; i < line - 1; i++) start += lines[i].length + 1;
  ta.focus();
  ta.setSelectionRange(start, start + lines[line - 1].length);
}

/** What the text lacks, collapsed to one line so the preview starts near the top at 320 px. */
function MissingList({ missing, onFillSupplement }: { missing: string[]; onFillSupplement?: () => void }) {
  const s = useStyles();
  const [open, setOpen] = React.useState(false);
  const id = React.useId();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="narrative-missing">
      <MessageBarBody>
        <MessageBarTitle>{missing.length} 项信息缺失，相关句子需要您补充</MessageBarTitle>
        <Button appearance="transparent" size="small" className={s.inlineToggle} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? '收起' : '查看'}
        </Button>
        {onFillSupplement && missing.some((m) => m.startsWith('补充信息')) ? (
          <Link as="button" type="button" onClick={onFillSupplement}>
            填写补充信息
          </Link>
        ) : null}
        {open ? (
          <ul className={s.limitList} id={id} aria-label="缺失的信息（文中以黄色【待补充：…】标出，补全后再发布）">
            {missing.map((m) => (
              <li key={m}>{missingLabel(m)}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export function NarrativePanel(p: NarrativePanelProps) {
  const s = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  const n = p.narrative;
  return (
    <div className={s.section}>
      <Field label="格式" orientation="horizontal" className={s.compactField}>
        <RadioGroup layout="horizontal" value={p.profile ?? ''} onChange={(_, d) => p.onProfile(d.value as NarrativeProfile)}>
          <Radio value="hunan" label={PROFILE_LABELS.hunan} />
          <Radio value="shanghai" label={PROFILE_LABELS.shanghai} />
        </RadioGroup>
      </Field>
      {n === null ? (
        <p className={s.subtle}>
          点击“生成情况说明”，按表格数据写出第三部分情况说明；“【请填写原因】”处留给您补充。
        </p>
      ) : (
        <>
          {p.supplementBar}
          {n.missing.length > 0 ? <MissingList missing={n.missing} onFillSupplement={p.onFillSupplement} /> : null}
          <div className={s.actions}>
            <Button size="small" onClick={p.onCopy} disabledFocusable={p.busy}>
              复制全文
            </Button>
            <Button size="small" {...restoreFocus} onClick={p.onWrite} disabledFocusable={p.busy || !p.canWrite}>
              写入“情况说明”表
            </Button>
            {p.onDownloadDocx ? (
              <Button size="small" onClick={p.onDownloadDocx} disabledFocusable={p.busy} title="下载 .docx（仿宋正文、固定行距，可直接打印）">
                下载 Word
              </Button>
            ) : null}
          </div>
          <article className={s.narrativePreview} aria-label="情况说明预览" data-testid="narrative-preview" tabIndex={0}>
            <p className={s.narrativeHeading} style={{ marginTop: 0, textAlign: 'center' }}>
              {n.title}
            </p>
            {n.sections.length === 0 ? <p className={s.subtle}>（未能生成任何段落：请先确认表格已被识别。）</p> : null}
            {n.sections.map((sec, i) => (
              <section key={i}>
                <p className={s.narrativeHeading}>{sec.heading}</p>
                {sec.paragraphs.map((para, j) => (
                  <p key={j} className={s.narrativePara}>
                    {withPlaceholders(para, s.placeholderMark, s.placeholderButton, p.onReasonPlaceholder ? (k) => p.onReasonPlaceholder!(i, j, k) : undefined)}
                  </p>
                ))}
              </section>
            ))}
          </article>
          {p.reasons}
        </>
      )}
      {n === null ? p.supplementBar : null}
      <h2 className={s.sectionTitle}>检查已写好的情况说明</h2>
      <RadioGroup layout="horizontal" value={p.checkSource} onChange={(_, d) => p.onCheckSource(d.value as CheckSource)} aria-label="检查哪里的文字">
        <Radio value="text" label="粘贴的文字" />
        <Radio value="sheet" label="工作表中的文字" />
      </RadioGroup>
      {p.checkSource === 'text' ? (
        <>
          <Field label="粘贴您写的情况说明文字" hint="逐句核对金额、占比、增减方向和科目名称。">
            <Textarea ref={p.ownTextRef} value={p.ownText} onChange={(_, d) => p.onOwnText(d.value)} resize="vertical" rows={6} />
          </Field>
          <div className={s.actions}>
            <Button onClick={p.onCheckOwn} disabledFocusable={p.busy || p.ownText.trim() === ''}>
              检查这段文字
            </Button>
          </div>
        </>
      ) : (
        <>
          <Field
            label="选择工作表"
            hint={p.textSheets.length ? '逐行核对 A 列的文字；第 n 行即单元格 An。' : '工作簿中没有写有文字的工作表（如“情况说明”）。请先点击“检查”读取工作簿。'}
          >
            <Select value={p.checkSheet} onChange={(_, d) => p.onCheckSheet(d.value)} disabled={p.textSheets.length === 0}>
              {p.textSheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.actions}>
            <Button onClick={p.onCheckSheetText} disabledFocusable={p.busy || !p.checkSheet}>
              检查工作表中的文字
            </Button>
          </div>
        </>
      )}
      {p.ownResult}
    </div>
  );
}
