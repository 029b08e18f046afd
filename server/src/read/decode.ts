/**
 * Bytes of a report file → text, and the encoding it was in. Reports come as UTF-8 (with or without
 * a BOM), as UTF-16 from Windows Notepad, or as GB18030/GBK from Chinese Windows.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** the file started with a byte order mark */
  bom: boolean;
  /** read as UTF-8 although some bytes were not: the lines they stand on (1-based, the first ten) */
  badLines?: number[];
}

/** The decoders, made once: without `stream` a decode keeps nothing from the one before. */
type Decoder = { decode(bytes: Uint8Array | Uint16Array): string };
const DECODERS = new Map<TextEncodingName, Decoder>();
function decoder(encoding: TextEncodingName): Decoder {
  let d = DECODERS.get(encoding);
  if (!d) DECODERS.set(encoding, (d = new TextDecoder(encoding)));
  return d;
}

/** Uint16Array's byte order here is little-endian (every platform VS Code runs on; checked, not assumed). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The longest input the quick reading below takes (its buffer is kept: two bytes per byte of input). */
const QUICK_MAX = 1 << 20;
let quickUnits: Uint16Array | undefined;

/**
 * UTF-8 → text for what reports are made of: well-formed sequences of one to three bytes (ASCII and
 * CJK), read into UTF-16 code units and handed to the platform as UTF-16. Undefined for anything else
 * (a malformed or four-byte sequence, a leading byte order mark, more than 1 MB), which TextDecoder
 * then reads, replacement characters and all: where this answers, it answers what TextDecoder does
 * (tested on random bytes). Node 20's TextDecoder reads CJK UTF-8 at ~130 MB/s — 70–95 µs for a 12 KB
 * report, each read twice in a batch (judged, then checked) — this in about half of that.
 */
export function quickUtf8(bytes: Uint8Array): string | undefined {
  const n = bytes.length;
  if (!LITTLE_ENDIAN || n > QUICK_MAX || (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return undefined;
  // n bytes are n code units at most
  if (!quickUnits || quickUnits.length < n) quickUnits = new Uint16Array(Math.min(QUICK_MAX, Math.max(n, 1 << 15)));
  const units = quickUnits;
  let j = 0;
  for (let i = 0; i < n; ) {
    const c = bytes[i]!;
    if (c < 0x80) {
      units[j++] = c;
      i++;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= n) return undefined;
      const c1 = bytes[i + 1]!;
      const c2 = bytes[i + 2]!;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return undefined;
      const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      // an overlong form, or a surrogate: not well formed
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
      units[j++] = cp;
      i += 3;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= n) return undefined;
      const c1 = bytes[i + 1]!;
      if ((c1 & 0xc0) !== 0x80) return undefined;
      units[j++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else return undefined;
  }
  return decoder('utf-16le').decode(units.subarray(0, j));
}

/**
 * The platform's own reading of well-formed UTF-8, where it has a faster one than quickUtf8 (Node:
 * files/nodeUtf8.ts, set by the Node entries; the web build has none). It answers only for input
 * quickUtf8 would leave to TextDecoder or answer the same for, and then what TextDecoder answers:
 * undefined for anything not well-formed and for a leading byte order mark.
 */
let platformUtf8: ((bytes: Uint8Array) => string | undefined) | undefined;

export function usePlatformUtf8(read: ((bytes: Uint8Array) => string | undefined) | undefined): void {
  platformUtf8 = read;
}

/** UTF-8 without a byte order mark → text: the platform's reading, the quick one, or TextDecoder's. */
function utf8Text(bytes: Uint8Array): string {
  return platformUtf8?.(bytes) ?? quickUtf8(bytes) ?? decoder('utf-8').decode(bytes);
}

export function decodeWithEncoding(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8Text(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decoder(utf16).decode(bytes), encoding: utf16, bom: false };
  const utf8 = utf8Text(bytes);
  const bad = badLines(utf8);
  if (bad.count === 0) return { text: utf8, encoding: 'utf-8', bom: false };
  // a few stray bytes in a UTF-8 file (a character cut, a byte flipped): still UTF-8, the lines named;
  // GB18030 when most of what is not ASCII fails as UTF-8 (a GBK file)
  let wide = 0;
  for (let k = 0; k < utf8.length; k++) {
    const c = utf8.charCodeAt(k);
    if (c >= 0x80 && c !== 0xfffd) wide++;
  }
  if (wide >= 10 * bad.count) return { text: utf8, encoding: 'utf-8', bom: false, badLines: bad.lines };
  return { text: decoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
}

/**
 * UTF-16 without a byte order mark, told by its zero bytes: text with ASCII in it (line breaks,
 * digits, spaces) has a zero byte in every such character, all on one side of each pair.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  if (n < 4) return undefined;
  // most files have no zero byte at all: said by the platform's search before counting them one by one
  if (bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < n; k++) {
    if (bytes[k] !== 0) continue;
    if (k % 2 === 0) even++;
    else odd++;
  }
  const pairs = n / 2;
  // UTF-8 and GB18030 text has no zero bytes at all; UTF-16 has one in every ASCII character, on the
  // high byte's side (the other side has one only for the rare character like 一 U+4E00)
  if (odd >= pairs * 0.05 && odd >= 2 * even) return 'utf-16le';
  if (even >= pairs * 0.05 && even >= 2 * odd) return 'utf-16be';
  return undefined;
}

/** Where a text decoded as UTF-8 has replacement characters (bytes that were not UTF-8): their count and first lines (1-based). */
function badLines(text: string): { count: number; lines: number[] } {
  if (text.indexOf('\ufffd') < 0) return { count: 0, lines: [] };
  let count = 0;
  const lines: number[] = [];
  let line = 1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) line++;
    else if (c === 0xfffd) {
      count++;
      if (lines.length < 10 && lines[lines.length - 1] !== line) lines.push(line);
    }
  }
  return { count, lines };
}

export function decodeText(bytes: Uint8Array): string {
  return decodeWithEncoding(bytes).text;
}

/** A text file read: its text, and the encoding to write it back in. */
export function textRead(bytes: Uint8Array): { ok: true; read: { form: 'text'; text: string; origins: { offset: number }[]; encoding: { encoding: TextEncodingName; bom: boolean; badLines?: number[] } } } {
  const d = decodeWithEncoding(bytes);
  return { ok: true, read: { form: 'text', text: d.text, origins: [{ offset: 0 }], encoding: { encoding: d.encoding, bom: d.bom, ...(d.badLines ? { badLines: d.badLines } : {}) } } };
}
