/**
 * Text → bytes in the encoding a report file was read in, so that a file rewritten by --fix stays as
 * Word and WPS opened it: UTF-8 (its BOM kept or not), UTF-16 with its BOM, GB18030/GBK.
 *
 * GB18030 has no encoder in the platform (TextEncoder speaks UTF-8 only). Rather than a 500 KB
 * codepage library for one encoding, its table is the platform's own GB18030 decoder inverted, built
 * the first time a GB18030 file is written: every two-byte code and every four-byte code of the BMP
 * decoded once; code points past the BMP follow the standard's linear rule. A text that does not come
 * back the same from its bytes is never written (see encodeExactly).
 */
import type { DecodedText, TextEncodingName } from './decode';

let gbTable: Map<number, number[]> | undefined;

/** BMP code unit → its GB18030 bytes (two or four), from the platform's decoder. */
function gb18030Table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const table = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030');
  const take = (bytes: number[]) => {
    const s = decoder.decode(Uint8Array.from(bytes));
    if (s.length !== 1 || s === '\ufffd') return;
    const c = s.charCodeAt(0);
    if (c >= 0x80 && !table.has(c)) table.set(c, bytes);
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) take([lead, trail]);
  }
  // the four-byte codes of the BMP (0x81308130 … 0x8431A439)
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++) for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) take([b1, b2, b3, b4]);
  gbTable = table;
  return table;
}

function encodeGb18030(text: string): Uint8Array {
  const table = gb18030Table();
  const out: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
      const low = text.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // past the BMP: 0x90308130 + (code point - 0x10000), counted in the four bytes' ranges
        let linear = ((c - 0xd800) << 10) + (low - 0xdc00);
        const b4 = linear % 10;
        linear = Math.floor(linear / 10);
        const b3 = linear % 126;
        linear = Math.floor(linear / 126);
        const b2 = linear % 10;
        const b1 = Math.floor(linear / 10);
        out.push(0x90 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4);
        k++;
        continue;
      }
    }
    const bytes = table.get(c);
    // (a lone surrogate or U+FFFD has no bytes: encodeExactly refuses such a text)
    out.push(...(bytes ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[2 * k + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 * k + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

/** Text in an encoding, with its byte order mark when the file had one. */
export function encodeText(text: string, encoding: TextEncodingName, bom: boolean): Uint8Array {
  switch (encoding) {
    case 'utf-16le':
      return concat(bom ? [0xff, 0xfe] : [], utf16(text, false));
    case 'utf-16be':
      return concat(bom ? [0xfe, 0xff] : [], utf16(text, true));
    case 'gb18030':
      return encodeGb18030(text);
    default:
      return concat(bom ? [0xef, 0xbb, 0xbf] : [], new TextEncoder().encode(text));
  }
}

function concat(head: number[], body: Uint8Array): Uint8Array {
  if (head.length === 0) return body;
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

/**
 * The bytes of a text in the encoding (and BOM) a file was read in, or undefined when they would not
 * read back as the very same text (a character that encoding cannot hold; bytes the file had that
 * decoded to U+FFFD): such a file is not rewritten.
 */
export function encodeExactly(text: string, as: Pick<DecodedText, 'encoding' | 'bom'>): Uint8Array | undefined {
  if (text.includes('\ufffd')) return undefined;
  const bytes = encodeText(text, as.encoding, as.bom);
  const back = new TextDecoder(as.encoding).decode(as.bom ? bytes.subarray(as.encoding === 'utf-8' ? 3 : 2) : bytes);
  return back === text ? bytes : undefined;
}
