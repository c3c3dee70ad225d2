// Text that reaches a terminal comes partly from the user's files (names, the officer's text, sheet
// names). Escape sequences in it could recolour, move the cursor, retitle the window or hide lines,
// so everything printed is passed through stripControl; JSON keeps the characters, escaped.

// ESC sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (ending in BEL or ST), and the
// two-character forms; then the 8-bit C1 forms of CSI and the strings.
const ESC_SEQUENCE =
  /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?|\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?/g;
// What is left: C0 except tab and newline, DEL and C1; and the bidirectional controls (U+200E/F,
// U+202A–202E, U+2066–2069), which make a file name such as `报表\u202Exslx.exe` display reversed.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control characters or escape sequences; tab and newline are kept. */
export function stripControl(s: string): string {
  return s.replace(ESC_SEQUENCE, '').replace(CONTROL, '');
}

/** A file or sheet name for one line or one table cell: also no tab or newline. */
export function oneLine(s: string): string {
  return stripControl(s).replace(/[\t\n]+/g, ' ');
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 but leaves DEL and C1 raw, which some
 * terminals obey; escape them too (still valid JSON, nothing lost).
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
