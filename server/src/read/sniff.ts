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

/** The form of a file, by its first bytes, then by its name. */
export function sniffForm(bytes: Uint8Array, name: string): SourceForm | 'ole' | 'zip' | 'rtf' {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  // %PDF- within the first KB (some writers put bytes before it)
  const head = LATIN1.decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/\.(?:html?|shtml|xhtml)$/i.test(name)) return 'html';
  if (/^(?:\ufeff|ï»¿)?\s*<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b/i.test(head)) return 'html';
  if (/\.docx$/i.test(name)) return 'docx';
  return 'text';
}

