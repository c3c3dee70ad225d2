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

function parse(text: string): MarksRecord {
  try {
    const rec = JSON.parse(text) as MarksRecord;
    if (rec && rec.version === 1 && Array.isArray(rec.marks)) return { version: 1, marks: rec.marks.filter((m) => typeof m?.sheet === 'string' && typeof m?.address === 'string' && m.fill) };
  } catch {
    // A damaged record only means old marks cannot be removed automatically; the data is intact.
  }
  return { version: 1, marks: [] };
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
    const text = JSON.stringify({ version: 1, marks } satisfies MarksRecord);
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
