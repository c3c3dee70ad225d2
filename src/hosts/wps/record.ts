// Where the WPS host keeps its marks record: in the workbook's custom document properties
// (Workbook.CustomDocumentProperties, saved with the .xlsx/.et file), so that 清除标记 restores
// the original fills and comments exactly even after the workbook was saved, closed and reopened.
// A text property holds at most 255 characters (Office's limit, which ET shares), so the JSON is
// split over properties 'juesuan.marks.0', 'juesuan.marks.1', … If the properties cannot be
// used, the record lives in memory for the session and capabilities() says so.
import type { Severity } from '../../core/findings';
import { MARKS_SETTING } from '../file/mark-style';
import { MSO_PROPERTY_TYPE_STRING, type EtWorkbook } from './et';
import type { OriginalFill } from './fill';

export interface WpsMark {
  sheet: string;
  address: string;
  severity: Severity;
  fill: OriginalFill;
  /** The user's own comment we replaced (restored on clear); null when the cell had none. */
  originalComment: string | null;
}

export interface MarksRecord {
  version: 1;
  marks: WpsMark[];
}

const PREFIX = `${MARKS_SETTING}.`;
const CHUNK = 250;

export interface RecordStore {
  /** False when the record cannot be kept in the workbook (session memory only). */
  readonly persistent: boolean;
  read(): MarksRecord;
  write(marks: WpsMark[]): void;
}

// The record is stored compactly (it is split into 250-character properties, so size is calls):
// { v: 1, s: [sheet names], m: [[sheet index, 'C15', 'e'|'w'|'i', fill, original comment?]] } with
// fill null (No Fill), a BGR colour, or [colour, pattern, pattern colour].
type Packed = [number, string, string, null | number | [number, number, number?], (string | null)?];
const SEV: Record<string, Severity> = { e: 'error', w: 'warning', i: 'info' };

function pack(marks: WpsMark[]): string {
  const sheets = [...new Set(marks.map((m) => m.sheet))];
  const m: Packed[] = marks.map((x) => {
    const f = x.fill.color === null ? null : x.fill.pattern === undefined ? x.fill.color : ([x.fill.color, x.fill.pattern, x.fill.patternColor] as [number, number, number?]);
    const row: Packed = [sheets.indexOf(x.sheet), x.address, x.severity[0], f];
    if (x.originalComment !== null) row.push(x.originalComment);
    return row;
  });
  return JSON.stringify({ v: 1, s: sheets, m });
}

function parse(text: string): MarksRecord {
  const out: MarksRecord = { version: 1, marks: [] };
  try {
    const rec = JSON.parse(text) as { v?: number; s?: unknown; m?: unknown };
    if (!rec || rec.v !== 1 || !Array.isArray(rec.s) || !Array.isArray(rec.m)) return out;
    for (const row of rec.m as Packed[]) {
      const sheet = rec.s[row?.[0]];
      const severity = SEV[row?.[2]];
      if (typeof sheet !== 'string' || typeof row[1] !== 'string' || !severity) continue;
      const f = row[3];
      const fill = f === null ? { color: null } : typeof f === 'number' ? { color: f } : Array.isArray(f) ? { color: f[0], pattern: f[1], ...(f[2] !== undefined ? { patternColor: f[2] } : {}) } : null;
      if (!fill) continue;
      out.marks.push({ sheet, address: row[1], severity, fill, originalComment: typeof row[4] === 'string' ? row[4] : null });
    }
  } catch {
    // A damaged record only means old marks cannot be removed automatically; the data is intact.
  }
  return out;
}

class PropertyStore implements RecordStore {
  readonly persistent = true;
  constructor(private readonly wb: EtWorkbook) {}
  /** Our properties: index in the collection (1-based) and chunk number. */
  private ours(): { at: number; part: number }[] {
    const props = this.wb.CustomDocumentProperties;
    const out: { at: number; part: number }[] = [];
    const n = props.Count;
    for (let i = 1; i <= n; i++) {
      const name = String(props.Item(i).Name);
      if (name.startsWith(PREFIX) && /^\d+$/.test(name.slice(PREFIX.length))) out.push({ at: i, part: Number(name.slice(PREFIX.length)) });
    }
    return out;
  }
  read(): MarksRecord {
    const props = this.wb.CustomDocumentProperties;
    const parts = this.ours().sort((a, b) => a.part - b.part);
    if (parts.length === 0) return { version: 1, marks: [] };
    return parse(parts.map((p) => String(props.Item(p.at).Value ?? '')).join(''));
  }
  write(marks: WpsMark[]): void {
    const props = this.wb.CustomDocumentProperties;
    // Delete from the end so the indexes of the rest stay valid.
    for (const p of this.ours().sort((a, b) => b.at - a.at)) props.Item(p.at).Delete();
    if (marks.length === 0) return;
    const text = pack(marks);
    for (let i = 0, part = 0; i < text.length; i += CHUNK, part++) props.Add(`${PREFIX}${part}`, false, MSO_PROPERTY_TYPE_STRING, text.slice(i, i + CHUNK));
  }
}

class MemoryStore implements RecordStore {
  readonly persistent = false;
  private marks: WpsMark[] = [];
  read(): MarksRecord {
    return { version: 1, marks: this.marks.map((m) => ({ ...m })) };
  }
  write(marks: WpsMark[]): void {
    this.marks = marks.map((m) => ({ ...m }));
  }
}

/** The document-property store when this WPS offers it, else the session store. */
export function openStore(wb: EtWorkbook): RecordStore {
  try {
    void wb.CustomDocumentProperties.Count;
    return new PropertyStore(wb);
  } catch {
    return new MemoryStore();
  }
}
