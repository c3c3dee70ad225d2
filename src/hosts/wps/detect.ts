// Is `window.Application` WPS 表格's object model? In a WPS 加载项 page it is the application
// object of the WPS component that loaded the add-in: ET (表格) has Workbooks, WPS 文字 has
// Documents, WPS 演示 Presentations. In a browser it is undefined.
import type { EtApplication } from './et';

export type WpsApp = { kind: 'et'; app: EtApplication } | { kind: 'other' } | null;

export function wpsApplication(app: unknown): WpsApp {
  if (!app || (typeof app !== 'object' && typeof app !== 'function')) return null;
  const probe = (name: string): boolean => {
    try {
      return (app as Record<string, unknown>)[name] !== undefined;
    } catch {
      return false; // an object that refuses the property does not have it
    }
  };
  if (probe('Workbooks') && probe('ActiveWorkbook')) return { kind: 'et', app: app as EtApplication };
  if (probe('Documents') || probe('Presentations')) return { kind: 'other' };
  return null;
}
