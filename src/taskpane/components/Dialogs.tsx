// Confirmation dialogs: overwrite an existing sheet, and the 全部修正 preview. While a dialog fades
// out it keeps showing what it asked (no empty 确定/取消 frame flashing on close).
import * as React from 'react';
import { Button, mergeClasses, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { FixPreviewRow } from '../model';
import { useStyles } from '../styles';

export interface ConfirmRequest {
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  resolve(ok: boolean): void;
}

/** The last non-null value: what a closing dialog keeps showing. */
export function useLastShown<T>(value: T | null): T | null {
  const last = React.useRef<T | null>(value);
  if (value !== null) last.current = value;
  return last.current;
}

export function ConfirmDialog({ request }: { request: ConfirmRequest | null }) {
  const shown = useLastShown(request);
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) request?.resolve(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{shown?.title}</DialogTitle>
          <DialogContent>{shown?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => request?.resolve(true)}>
              {shown?.confirmLabel}
            </Button>
            <Button onClick={() => request?.resolve(false)}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function FixAllDialog(props: { rows: FixPreviewRow[] | null; describe?(row: FixPreviewRow): string; onConfirm(): void; onCancel(): void }) {
  const s = useStyles();
  const rows = useLastShown(props.rows) ?? [];
  return (
    <Dialog
      open={props.rows !== null}
      onOpenChange={(_, d) => {
        if (!d.open) props.onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>全部修正：将修改 {rows.length} 个单元格</DialogTitle>
          <DialogContent>
            <p className={s.dialogLead}>请逐项核对以下修改。应用后，每一项都可以在“已应用的修正”中单独撤销。</p>
            <ul className={mergeClasses(s.fixList, s.previewScroll)} aria-label="修改预览" tabIndex={0}>
              {rows.map((r) => {
                const where = props.describe?.(r) ?? '';
                return (
                  <li key={r.cell} className={s.fixItem} data-fix-cell={r.cell}>
                    <div>
                      <strong>{r.cell}</strong>
                      {where ? <span className={s.subtle}>（{where}）</span> : null}
                    </div>
                    <div>
                      <span className={s.fixChange}>{r.before}</span> → <span className={s.fixChange}>{r.after}</span>
                    </div>
                    <div className={s.subtle}>{r.description}</div>
                  </li>
                );
              })}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm} disabled={rows.length === 0}>
              应用全部 {rows.length} 项
            </Button>
            <Button onClick={props.onCancel}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
