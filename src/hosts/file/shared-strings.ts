// The shared string table (xl/sharedStrings.xml) and inline strings: plain or rich text, with
// phonetic runs (<rPh>, furigana) left out, as Excel shows the cell.
import { decodeOoxmlString, prefixOf, unescapeXml } from './xml';

/** Text of a string item's inner XML (<t>, or <r><t> runs; <rPh> skipped). */
export function itemText(inner: string, p: string): string {
  let s = inner;
  if (s.indexOf('rPh') >= 0) s = s.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '');
  const re = new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g');
  let out = '';
  for (let m = re.exec(s); m; m = re.exec(s)) out += m[1];
  return decodeOoxmlString(unescapeXml(out));
}

export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const p = prefixOf(xml, 'sst');
  const out: string[] = [];
  const re = new RegExp(`<${p}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}si>)`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? itemText(m[1], p) : '');
  return out;
}
