// 补充信息: create the sheet when the workbook has none, fill its values in a compact form, and
// type the reasons the 情况说明 leaves open. Writes go through the pane (only changed cells).
import * as React from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Textarea,
} from '@fluentui/react-components';
import { a1 } from '../../core/address';
import type { ReasonSlot, SavePlan, SupplementApi, SupplementModel } from '../supplement';
import { SUPPLEMENT_SHEET_NAME, inputText, planSave, slotSubject } from '../supplement';
import { useStyles } from '../styles';

/** The parts of the 情况说明 that read 补充信息 (shown before the sheet exists). */
export const SUPPLEMENT_SECTIONS = [
  '与上年对比（收支总计、财政拨款收支总计、一般公共预算财政拨款支出、机关运行经费、“三公”经费）',
  '因公出国（境）团组和人次、公务用车购置和保有量、公务接待批次和人次',
  '会议费、培训费和节庆论坛赛事活动',
  '政府采购和国有资产占用情况',
  '单位性质（机关运行经费的口径）',
  '各处“主要原因是……”的原因文字',
];

export function SupplementMissingBar(p: { needKeys: ReadonlySet<string>; showKeys?: boolean; busy: boolean; canWrite: boolean; onCreate(): void }) {
  const s = useStyles();
  // Above the narrative preview it stays one line; in the 补充信息 tab it is the content, open.
  const [open, setOpen] = React.useState(!!p.showKeys);
  const id = React.useId();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="supplement-missing">
      <MessageBarBody>
        <MessageBarTitle>工作簿中没有“{SUPPLEMENT_SHEET_NAME}”工作表</MessageBarTitle>
        <span>情况说明中表格以外的数据（上年数、团组、批次等）需要在该表中填写。</span>
        <Button appearance="transparent" size="small" className={s.inlineToggle} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? '收起' : '哪些内容'}
        </Button>
        {open ? (
          <ul className={s.limitList} id={id}>
            {SUPPLEMENT_SECTIONS.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ) : null}
        {p.needKeys.size ? (
          <div className={s.subtle}>
            本次生成缺少 {p.needKeys.size} 项{p.showKeys ? `：${[...p.needKeys].join('、')}` : ''}。
          </div>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={p.onCreate} disabledFocusable={p.busy || !p.canWrite}>
          创建补充信息表
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface SupplementFormProps {
  api: SupplementApi;
  model: SupplementModel;
  lastRow: number;
  busy: boolean;
  canWrite: boolean;
  /** A narrative has been generated (its missing list is then meaningful). */
  hasNarrative: boolean;
  canUndo: boolean;
  onSave(plan: SavePlan): void;
  onUndo(): void;
  onSelectRef(sheet: string, address: string): void;
  onShowNarrative(): void;
}

export function SupplementForm(p: SupplementFormProps) {
  const s = useStyles();
  const { model } = p;
  // Keyed on the values, not the model object: regenerating the narrative keeps unsaved typing.
  const signature = JSON.stringify(model.rows.map((r) => [r.key, r.current]));
  const initial = React.useMemo(() => new Map<string, string>((JSON.parse(signature) as [string, string | number | null][]).map(([k, v]) => [k, inputText(v)])), [signature]);
  const [edits, setEdits] = React.useState<Map<string, string>>(initial);
  const [onlyBlank, setOnlyBlank] = React.useState(false);
  const [tried, setTried] = React.useState(false);
  // A re-read workbook (after a save or 检查) brings fresh values: the form starts over from them.
  React.useEffect(() => {
    setEdits(initial);
    setTried(false);
  }, [initial]);

  const plan = React.useMemo(() => planSave(p.api, model, edits, new Map(), p.lastRow), [p.api, model, edits, p.lastRow]);
  const needed = model.rows.filter((r) => r.neededByNarrative);
  const rows = onlyBlank ? model.rows.filter((r) => r.current === null || plan.changed.includes(r.key)) : model.rows;
  const dirty = plan.changed.length > 0 || plan.errors.size > 0;

  const save = () => {
    if (p.busy || !p.canWrite) return;
    setTried(true);
    if (plan.errors.size === 0 && plan.changed.length > 0) p.onSave(plan);
  };

  return (
    <form
      className={s.section}
      aria-label="补充信息"
      data-testid="supplement-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className={s.subtle}>
        “{model.sheet}”工作表：A 列项目，B 列内容。金额以万元为单位，可带千位分隔符（如 1,031.37）。
        <Link as="button" type="button" onClick={() => p.onSelectRef(model.sheet, 'A1')}>
          在工作簿中查看
        </Link>
      </div>
      {p.hasNarrative && needed.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>情况说明缺少 {needed.length} 项</MessageBarTitle>
            {needed.map((r) => r.key).join('、')}（下方以黄色标出）
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {model.unknown.length > 0 ? (
        <MessageBar intent="info" layout="multiline" data-testid="supplement-unknown">
          <MessageBarBody>
            <MessageBarTitle>表中有 {model.unknown.length} 个无法识别的项目</MessageBarTitle>
            情况说明不会使用这些行（保留不动）：
            <ul className={s.limitList}>
              {model.unknown.map((e) => (
                <li key={`${e.ref.row}`}>
                  <Link as="button" type="button" onClick={() => p.onSelectRef(e.ref.sheet, a1(e.ref.row, 0))}>
                    {a1(e.ref.row, 0)}
                  </Link>{' '}
                  {e.key}
                  {e.value !== null && e.value !== '' ? `：${e.value}` : ''}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Switch checked={onlyBlank} onChange={(_, d) => setOnlyBlank(d.checked)} label="只显示未填写的项目" />
      <ul className={s.supList}>
        {rows.map((r) => {
          const err = tried || edits.get(r.key) !== initial.get(r.key) ? plan.errors.get(r.key) : undefined;
          const changed = plan.changed.includes(r.key);
          const state = err ? 'error' : r.neededByNarrative && !changed ? 'warning' : undefined;
          return (
            <li key={r.key} className={`${s.supItem} ${r.neededByNarrative && !changed ? s.supNeeded : ''}`} data-sup-key={r.key} data-needed={r.neededByNarrative || undefined}>
              <Field
                size="small"
                label={
                  <span className={s.supLabel}>
                    <span>{r.key}</span>
                    {r.def.required && r.current === null && !r.neededByNarrative ? (
                      <Badge size="small" appearance="tint" color="informative" className={s.badge}>
                        未填
                      </Badge>
                    ) : null}
                    {changed ? (
                      <Badge size="small" appearance="tint" color="brand" className={s.badge}>
                        已修改
                      </Badge>
                    ) : null}
                    {r.ref ? null : (
                      <span className={s.subtle}>（表中无此行，保存时添加）</span>
                    )}
                  </span>
                }
                hint={r.def.hint}
                validationState={state}
                validationMessage={err ?? (state === 'warning' ? '情况说明需要此项' : undefined)}
              >
                <Input
                  size="small"
                  value={edits.get(r.key) ?? ''}
                  inputMode={r.def.type === 'number' ? 'decimal' : undefined}
                  onChange={(_, d) =>
                    setEdits((prev) => {
                      const next = new Map(prev);
                      next.set(r.key, d.value);
                      return next;
                    })
                  }
                />
              </Field>
            </li>
          );
        })}
      </ul>
      <div className={s.stickyBar}>
        <Button type="submit" appearance="primary" disabledFocusable={p.busy || !p.canWrite || !dirty}>
          保存到补充信息表{plan.changed.length ? `（${plan.changed.length} 项）` : ''}
        </Button>
        <Button type="button" onClick={() => setEdits(initial)} disabledFocusable={p.busy || !dirty}>
          还原
        </Button>
        {p.canUndo ? (
          <Button type="button" onClick={p.onUndo} disabledFocusable={p.busy}>
            撤销上次保存
          </Button>
        ) : null}
        <Link as="button" type="button" onClick={p.onShowNarrative}>
          查看情况说明
        </Link>
      </div>
    </form>
  );
}

export interface ReasonsPanelProps {
  api: SupplementApi;
  slots: ReasonSlot[];
  /** Null when the workbook has no 补充信息 sheet yet. */
  model: SupplementModel | null;
  lastRow: number;
  busy: boolean;
  canWrite: boolean;
  onSave(plan: SavePlan): void;
}

export const reasonInputId = (subject: string) => `reason-${encodeURIComponent(subject)}`;

/** The 主要原因是… slots of the narrative, one field per subject; saved as 原因:<subject> rows. */
export function ReasonsPanel(p: ReasonsPanelProps) {
  const s = useStyles();
  const slots = React.useMemo(() => {
    const seen = new Set<string>();
    return p.slots.filter((x) => (seen.has(x.subject) ? false : (seen.add(x.subject), true)));
  }, [p.slots]);
  const initial = React.useMemo(() => new Map(slots.map((x) => [x.subject, x.current ?? ''])), [slots]);
  const [texts, setTexts] = React.useState(initial);
  React.useEffect(() => setTexts(initial), [initial]);
  const open = slots.filter((x) => x.current === null).length;
  const plan = React.useMemo(() => {
    if (!p.model) return null;
    const reasons = new Map<string, string>();
    for (const x of slots) reasons.set(slotSubject(x, p.model), texts.get(x.subject) ?? '');
    return planSave(p.api, p.model, new Map(), reasons, p.lastRow);
  }, [p.api, p.model, slots, texts, p.lastRow]);
  if (slots.length === 0) return null;
  return (
    <section className={s.section} aria-label="填写原因" data-testid="reasons-panel">
      <h2 className={s.sectionTitle}>
        填写原因{open ? `（${open} 处待填）` : ''}
      </h2>
      <div className={s.subtle}>在此写下原因，保存后作为“原因:…”行存入“{SUPPLEMENT_SHEET_NAME}”表，下次生成时自动填入。</div>
      <ul className={s.supList}>
        {slots.map((x) => (
          <li key={x.subject} className={`${s.supItem} ${(texts.get(x.subject) ?? '').trim() === '' ? s.supNeeded : ''}`} data-reason-subject={x.subject}>
            <Field
              size="small"
              label={
                <span className={s.reasonLabel}>
                  <span className={s.reasonSubject}>{x.label}</span>
                  <span className={s.subtle}>{x.context}</span>
                </span>
              }
            >
              <Textarea
                id={reasonInputId(x.subject)}
                size="small"
                rows={2}
                resize="vertical"
                placeholder="请填写原因"
                value={texts.get(x.subject) ?? ''}
                onChange={(_, d) =>
                  setTexts((prev) => {
                    const next = new Map(prev);
                    next.set(x.subject, d.value);
                    return next;
                  })
                }
              />
            </Field>
          </li>
        ))}
      </ul>
      {p.model ? (
        <div className={s.actions}>
          <Button appearance="primary" onClick={() => plan && p.onSave(plan)} disabledFocusable={p.busy || !p.canWrite || !plan || plan.changed.length === 0}>
            保存原因到补充信息表{plan && plan.changed.length ? `（${plan.changed.length} 处）` : ''}
          </Button>
        </div>
      ) : (
        <div className={s.subtle}>请先创建“{SUPPLEMENT_SHEET_NAME}”表，再保存原因。</div>
      )}
    </section>
  );
}
