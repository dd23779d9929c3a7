/**
 * Text from notes is untrusted: a note could hold escape sequences that move the cursor, retitle the
 * window or hide text, and bidi overrides that make text read differently than it is stored. Everything
 * from a note passes through here before it reaches the terminal.
 */

// ESC-introduced sequences: CSI (ESC [ … final), OSC / DCS / SOS / PM / APC strings (… BEL or ESC \),
// and two-character escapes. The C1 forms (0x9B CSI, 0x9D OSC …) are caught by CONTROL below.
const ESCAPE_SEQUENCE =
  /\u001B(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_]|[ -/]*[0-~])?/g;

// C0 and C1 controls except tab and newline; DEL; bidi embeddings, overrides, isolates and marks;
// line/paragraph separators (they break lines behind the layout's back).
const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029';
const CONTROL = new RegExp(`[${CONTROLS}]`, 'g');
/** Every character the replaces below act on (CR and ESC are controls too): most text has none, and one scan says so. */
const ACTED_ON = new RegExp(`[\\t\\n${CONTROLS}]`);

/** `text` with no escape sequence, control character (other than newline) or bidi control; tabs become spaces. */
export function sanitize(text: string): string {
  if (!ACTED_ON.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(/\t/g, '    ');
}

/** `sanitize` for one-line places (breadcrumbs, titles): newlines become spaces. */
export function sanitizeLine(text: string): string {
  if (!ACTED_ON.test(text)) return text;
  return sanitize(text).replace(/\n+/g, ' ');
}
