// Confirmation dialogs: overwrite an existing sheet, and the 全部修正 preview.
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

export function ConfirmDialog({ request }: { request: ConfirmRequest | null }) {
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) request?.resolve(false);
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>{request?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => request?.resolve(true)}>
              {request?.confirmLabel ?? '确定'}
            </Button>
            <Button onClick={() => request?.resolve(false)}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function FixAllDialog(props: { rows: FixPreviewRow[] | null; onConfirm(): void; onCancel(): void }) {
  const s = useStyles();
  const rows = props.rows ?? [];
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
            <p style={{ marginTop: 0 }}>请逐项核对以下修改。应用后，每一项都可以在结果列表中单独撤销。</p>
            <ul className={mergeClasses(s.fixList, s.previewScroll)} aria-label="修改预览">
              {rows.map((r) => (
                <li key={r.cell} className={s.fixItem} data-fix-cell={r.cell}>
                  <div>
                    <strong>{r.cell}</strong>
                  </div>
                  <div>
                    <span className={s.fixChange}>{r.before}</span> → <span className={s.fixChange}>{r.after}</span>
                  </div>
                  <div className={s.subtle}>{r.description}</div>
                </li>
              ))}
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
