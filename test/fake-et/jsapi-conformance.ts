// Compile-time check (npx tsc) that every member the WPS host's interfaces (src/hosts/wps/et.ts)
// and the fake ET (specs.ts) name exists in wps-jsapi 1.0.5, Kingsoft's TypeScript declarations
// of the WPS 加载项 object model. A misspelt or invented member is a type error here.
// Only names are checked: wps-jsapi's return types are unreliable (see et.ts).
/// <reference types="wps-jsapi" />
import type * as W from '../../src/hosts/wps/et';
import type { SPECS } from './specs';

/** Members of `Ours` that `Theirs` lacks; must be never. */
type Extra<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs>;
type Names<S extends { get: readonly string[] }> = S['get'][number] | (S extends { set: readonly (infer X)[] } ? X : never);
type Check<T extends never> = T;

/** The 加载项 additions to `window.Application` are declared on the `wps` namespace. */
type AddinApi = typeof wps;

export type HostInterfaces = [
  Check<Extra<W.EtRange, Et.EtRange>>,
  Check<Extra<W.EtInterior, Et.EtInterior>>,
  Check<Extra<W.EtFont, Et.EtFont>>,
  Check<Extra<W.EtComment, Et.EtComment>>,
  Check<Extra<W.EtWorksheet, Et.EtWorksheet>>,
  Check<Extra<W.EtSheets, Et.EtSheets>>,
  Check<Extra<W.EtWorkbook, Et.EtWorkbook>>,
  Check<Extra<W.EtDocumentProperties, Kso.KsoDocumentProperties>>,
  Check<Extra<W.EtDocumentProperty, Kso.KsoDocumentProperty>>,
  Check<Extra<Omit<W.EtApplication, 'ApiEvent'>, Et.EtApplication>>,
  Check<Extra<W.EtApiEvent, AddinApi['ApiEvent']>>,
];

export type FakeMembers = [
  Check<Exclude<Names<typeof SPECS.Range>, keyof Et.EtRange>>,
  Check<Exclude<Names<typeof SPECS.Interior>, keyof Et.EtInterior>>,
  Check<Exclude<Names<typeof SPECS.Font>, keyof Et.EtFont>>,
  Check<Exclude<Names<typeof SPECS.Comment>, keyof Et.EtComment>>,
  Check<Exclude<Names<typeof SPECS.Worksheet>, keyof Et.EtWorksheet>>,
  Check<Exclude<Names<typeof SPECS.Sheets>, keyof Et.EtSheets>>,
  Check<Exclude<Names<typeof SPECS.Workbook>, keyof Et.EtWorkbook>>,
  Check<Exclude<Names<typeof SPECS.Workbooks>, keyof Et.EtWorkbooks>>,
  Check<Exclude<Names<typeof SPECS.DocumentProperties>, keyof Kso.KsoDocumentProperties>>,
  Check<Exclude<Names<typeof SPECS.DocumentProperty>, keyof Kso.KsoDocumentProperty>>,
  // ribbonUI and Enum are expandos the wpsjs templates set on window.Application (OnAddinLoad).
  Check<Exclude<Names<typeof SPECS.Application>, keyof Et.EtApplication | keyof AddinApi | 'ribbonUI' | 'Enum'>>,
  Check<Exclude<Names<typeof SPECS.ApiEvent>, keyof AddinApi['ApiEvent']>>,
  Check<Exclude<Names<typeof SPECS.PluginStorage>, keyof AddinApi['PluginStorage']>>,
  Check<Exclude<Names<typeof SPECS.TaskPane>, keyof wps.CustomTaskpane>>,
];
