import { documentBytes } from './file-merges';

// The Office.js globals the host uses, behind one small interface so that tests can run the real
// host code against the fake object model (test/fake-excel).
export type Ctx = Excel.RequestContext;

export interface ExcelEnv {
  run<T>(batch: (ctx: Ctx) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  settings: Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>;
  /**
   * Excel.run(context, batch): a batch in an earlier run's context, the documented way to
   * remove an event handler (Excel.run(eventResult.context, …)). Without it we sync that context directly.
   */
  runIn?<T>(ctx: Ctx, batch: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** Office.context.platform ('PC', 'Mac', 'OfficeOnline', …) where office.js reports it. */
  platform?: string;
  /** The webview's user agent (tells WebView2, EdgeHTML and Internet Explorer apart). */
  userAgent?: string;
  /** The workbook as .xlsx bytes (common API, CompressedFile set); absent where Excel cannot give it. */
  documentFile?: () => Promise<Uint8Array>;
}

function runWithCellEditDelay<T>(excel: typeof Excel, office: typeof Office, batch: (ctx: Ctx) => Promise<T>): Promise<T> {
  // While the user is typing in a cell, Excel fails every batch (InvalidOperationInCellEditMode);
  // from ExcelApi 1.11 it can hold the batch until the edit ends instead (see run.ts for the time box).
  return office.context.requirements.isSetSupported('ExcelApi', '1.11') ? excel.run({ delayForCellEdit: true }, batch) : excel.run(batch);
}

/** The real globals, or a fake's: `envFrom({ Excel, Office })`. */
export function envFrom(g: { Excel: { run: unknown }; Office: unknown }): ExcelEnv {
  const office = g.Office as typeof Office;
  const excel = g.Excel as unknown as typeof Excel;
  const runIn = g.Excel.run as <T>(ctx: Ctx, batch: (ctx: Ctx) => Promise<T>) => Promise<T>;
  return {
    run: (batch) => runWithCellEditDelay(excel, office, batch),
    runIn: (ctx, batch) => runIn(ctx, batch),
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
    get settings() {
      return office.context.document.settings;
    },
    platform: (office.context as unknown as { platform?: string } | undefined)?.platform,
    get documentFile() {
      const supported = (() => {
        try {
          return office.context.requirements.isSetSupported('CompressedFile') && typeof office.context.document?.getFileAsync === 'function';
        } catch {
          return false;
        }
      })();
      return supported ? () => documentBytes(office) : undefined;
    },
    userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : '',
  };
}

export function defaultEnv(): ExcelEnv {
  return envFrom({ Excel, Office });
}

/** Requirement-set checks that never throw (an old office.js may lack isSetSupported's data). */
export class ApiSets {
  constructor(private readonly env: ExcelEnv) {}
  has(version: string): boolean {
    try {
      return this.env.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  }
}
