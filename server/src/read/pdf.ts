/**
 * A PDF → report text, through Mozilla's pdf.js (pdfjs-dist, legacy build: runs on Node 20 and in
 * workers). Nothing in the file is run: `isEvalSupported: false` (and a version past CVE-2024-4367),
 * no fonts loaded into the page, no network (CMaps from a local folder). Each page's text items are
 * laid out the way `pdftotext -layout` lays them out, which the parser reads: lines from the items'
 * baselines, each item at the column its x position gives (half the body text's size a column), so
 * that numbers under one header stand in one column whatever precedes them; pages end with a form
 * feed (the parser drops page numbers and running headers there and joins rows across the break).
 * Bounded: pages read, time (checked between pages).
 */
import { restoreNatives } from './polyfill';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// the worker's code in this thread (pdf.js's "fake worker" finds it on globalThis.pdfjsWorker)
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { Origin, ReadResult } from './types';
import { refuse } from './types';

// the built-ins pdf.js's polyfills replaced, put back for the rest of the thread (polyfill.ts)
restoreNatives();

export interface PdfOptions {
  /** a folder holding pdf.js's binary CMaps (for CJK fonts without their own ToUnicode map), ending in / */
  cMapUrl?: string;
  /** give up after this long (ms), checked between pages */
  deadlineMs?: number;
  /** read at most this many pages */
  maxPages?: number;
  /**
   * read only the pages that hold the text's first so many lines (what a title is read from): what is
   * read is then the start of what the whole reading gives, line for line, and it is taken as it is —
   * not refused for having little text or unreadable characters, which the whole reading judges
   */
  maxLines?: number;
}

interface Item {
  x: number;
  y: number;
  /** the item's width on the page */
  w: number;
  /** its font size */
  size: number;
  str: string;
}

const DEFAULT_DEADLINE_MS = 60_000;
const DEFAULT_MAX_PAGES = 300;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A page's text items as lines of text, each item at the column its x position gives. */
export function layoutPage(items: Item[]): string[] {
  const visible = items.filter((i) => i.str.trim() !== '' && i.size > 0);
  if (visible.length === 0) return [];
  const size = median(visible.map((i) => i.size));
  const unit = size / 2;
  const left = Math.min(...visible.map((i) => i.x));
  // top to bottom, then left to right; a line is the items whose baselines are within a third of a size
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: Item[] }[] = [];
  for (const item of visible) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= Math.min(line.size, item.size) * 0.45) line.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  const out: string[] = [];
  let previous: { y: number; size: number } | undefined;
  for (const line of lines) {
    // a gap of more than a line and a half: a blank line (paragraphs, the space around a table)
    if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 1.9) out.push('');
    previous = line;
    line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of line.items) {
      const gap = item.x - end;
      const column = Math.round((item.x - left) / unit);
      // an item that touches the one before it is the same word (a label set in two runs)
      if (gap < item.size * 0.3 && text !== '') text += item.str;
      else {
        text += text.length < column ? ' '.repeat(column - text.length) : text === '' ? '' : ' ';
        text += item.str;
      }
      end = Math.max(end, item.x + item.w);
    }
    out.push(text.replace(/\s+$/, ''));
  }
  return out;
}

/** A text item as pdf.js gives it: its matrix's direction (a, b), its origin (e, f), width, height, text. */
interface Run {
  a: number;
  b: number;
  e: number;
  f: number;
  w: number;
  h: number;
  str: string;
}

/**
 * The items of a page turned upright: a page whose text runs in another direction (a table set
 * sideways on a portrait page) is read in the direction most of its text runs, as a reader turns it.
 */
export function upright(runs: Run[]): Item[] {
  // the direction most characters run in, to a quarter turn
  const weight = new Map<number, number>();
  for (const r of runs) {
    const quarter = ((Math.round(Math.atan2(r.b, r.a) / (Math.PI / 2)) % 4) + 4) % 4;
    weight.set(quarter, (weight.get(quarter) ?? 0) + r.str.length);
  }
  let quarter = 0;
  for (const [q, w] of weight) if (w > (weight.get(quarter) ?? 0)) quarter = q;
  const angle = (quarter * Math.PI) / 2;
  const cos = Math.round(Math.cos(angle));
  const sin = Math.round(Math.sin(angle));
  return runs.map((r) => ({
    // turned back by the page's direction: that direction becomes left to right
    x: r.e * cos + r.f * sin,
    y: -r.e * sin + r.f * cos,
    w: r.w,
    size: Math.hypot(r.a, r.b) || r.h,
    str: r.str,
  }));
}

/** Characters a font without a character map gives: the replacement character, private-use code points, controls. */
export function unreadableChars(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20) n++;
  }
  return n;
}

/** Reads a PDF's text. Never throws: a file without text, with a password, or broken is refused. */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ReadResult> {
  const started = Date.now();
  // a PDF ends with %%EOF (some writers add a few bytes after it): without it the file was cut short,
  // and pdf.js would read what pages it can find without saying the rest is missing
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) {
    return refuse('broken-pdf', 'PDF 文件不完整（文件尾缺失，多为下载中断），无法完整读取。请重新下载或导出。', 'The PDF is cut short (its end is missing, as an interrupted download leaves it). Download or export it again.');
  }
  const deadline = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  let doc: pdfjs.PDFDocumentProxy | undefined;
  let task: pdfjs.PDFDocumentLoadingTask | undefined;
  try {
    task = pdfjs.getDocument({
      // pdf.js takes the buffer over (and wants no Buffer): a copy, the caller's bytes stay as they are
      data: new Uint8Array(bytes),
      // (pdf.js 6 has no eval path left to turn off: its isEvalSupported option is gone with it)
      disableFontFace: true,
      useSystemFonts: false,
      disableAutoFetch: true,
      disableStream: true,
      verbosity: 0,
      ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    });
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      return refuse('pdf-encrypted', '这个 PDF 设置了打开密码，无法读取。请提供未加密的 PDF 或 .docx。', 'This PDF needs a password to open. Provide an unprotected PDF or the .docx.');
    }
    void task?.destroy();
    return refuse('broken-pdf', `PDF 文件已损坏或不完整，无法读取（${(e as Error).message}）。请重新下载或导出。`, `The PDF is damaged or cut short (${(e as Error).message}). Download or export it again.`);
  }
  try {
    const pages = Math.min(doc.numPages, options.maxPages ?? DEFAULT_MAX_PAGES);
    const texts: string[] = [];
    const origins: Origin[] = [];
    let offset = 0;
    let chars = 0;
    let unreadable = 0;
    let lineCount = 0;
    for (let n = 1; n <= pages; n++) {
      if (Date.now() - started > deadline) {
        return refuse('too-large', `PDF 过大或过于复杂，${Math.round(deadline / 1000)} 秒内只读到第 ${n - 1} 页，未检查。`, `The PDF is too large or complex: only ${n - 1} pages read in ${Math.round(deadline / 1000)} s; not checked.`);
      }
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, , , e, f] = raw.transform as number[];
        runs.push({ a: a!, b: b!, e: e!, f: f!, w: raw.width, h: raw.height, str: raw.str });
        const visible = raw.str.replace(/\s+/g, '');
        chars += visible.length;
        unreadable += unreadableChars(visible);
      }
      const items = upright(runs);
      page.cleanup();
      const lines = layoutPage(items);
      const text = (n > 1 ? '\f' : '') + lines.join('\n') + '\n';
      origins.push({ offset, page: n });
      texts.push(text);
      offset += text.length;
      // the page's lines (a page without text is a line of its own: its form feed)
      lineCount += Math.max(1, lines.length);
      if (options.maxLines !== undefined && lineCount >= options.maxLines) break;
    }
    if (options.maxLines !== undefined) return { ok: true, read: { form: 'pdf', text: texts.join(''), origins } };
    if (chars >= 20 && unreadable > chars * 0.3) {
      return refuse(
        'pdf-no-text',
        '这个 PDF 的文字无法正确取出（字体没有附带字符编码，取出的是乱码）。请提供 Word 原件（.docx），或在导出 PDF 时嵌入字体。',
        'The text of this PDF cannot be read correctly (its fonts carry no character map: what comes out is garbage). Provide the Word original (.docx), or export the PDF with its fonts embedded.',
      );
    }
    if (chars < 20) {
      return refuse(
        'pdf-no-text',
        '这个 PDF 没有文字层（多为扫描件或图片），无法读取。请提供 Word 原件（.docx）或有文字的 PDF，或先做文字识别（OCR）。',
        'This PDF has no text layer (a scan or images). Provide the Word original (.docx) or a PDF with text, or run OCR first.',
      );
    }
    return { ok: true, read: { form: 'pdf', text: texts.join(''), origins } };
  } catch (e) {
    return refuse('broken-pdf', `PDF 文件无法读取（${(e as Error).message}）。`, `The PDF cannot be read (${(e as Error).message}).`);
  } finally {
    void task?.destroy();
  }
}
