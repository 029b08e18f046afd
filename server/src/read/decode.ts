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
}

export function decodeWithEncoding(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    try {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: false };
    }
  }
}

export function decodeText(bytes: Uint8Array): string {
  return decodeWithEncoding(bytes).text;
}

/** A text file read: its text, and the encoding to write it back in. */
export function textRead(bytes: Uint8Array): { ok: true; read: { form: 'text'; text: string; origins: { offset: number }[]; encoding: { encoding: TextEncodingName; bom: boolean } } } {
  const d = decodeWithEncoding(bytes);
  return { ok: true, read: { form: 'text', text: d.text, origins: [{ offset: 0 }], encoding: { encoding: d.encoding, bom: d.bom } } };
}
