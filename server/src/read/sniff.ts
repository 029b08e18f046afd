/**
 * Which form a file is in, by its first bytes, then by its name: cheap, with no reader loaded (the
 * readers themselves are loaded when a file of their form is read).
 */
import type { SourceForm } from './types';

/** The file names the checker opens as reports besides text: by extension. */
export const PUBLISHED_EXTENSIONS = /\.(?:html?|shtml|xhtml|docx|wps|doc|pdf)$/i;

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let k = 0; k < magic.length; k++) if (bytes[at + k] !== magic[k]) return false;
  return true;
}

/** One decoder for every file (a decoder's construction costs more than its kilobyte of work). */
const LATIN1 = new TextDecoder('latin1');

/** Whether an ASCII text stands in bytes[0, limit) (no decoding: most files are not PDFs). */
function holdsAscii(bytes: Uint8Array, text: string, limit: number): boolean {
  const first = text.charCodeAt(0);
  const end = Math.min(bytes.length, limit) - text.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** White space as `\s` takes it in the first KB read as windows-1252 (latin1): tab to carriage return, space, no-break space. */
const isHeadSpace = (b: number) => (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;

/**
 * Whether the first KB could open a web page: `<` after an optional UTF-8 byte order mark and white
 * space. Only then is it decoded and its first tag read (the same test on the same text as always).
 */
function mayOpenTag(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < n && isHeadSpace(bytes[i]!)) i++;
  return i < n && bytes[i] === 0x3c;
}

/** The form of a file, by its first bytes, then by its name. */
export function sniffForm(bytes: Uint8Array, name: string): SourceForm | 'ole' | 'zip' | 'rtf' {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  // %PDF- within the first KB (some writers put bytes before it)
  if (holdsAscii(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  if (/\.(?:html?|shtml|xhtml)$/i.test(name)) return 'html';
  if (mayOpenTag(bytes) && /^(?:\ufeff|ï»¿)?\s*<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b/i.test(LATIN1.decode(bytes.subarray(0, 1024)))) return 'html';
  if (/\.docx$/i.test(name)) return 'docx';
  return 'text';
}
