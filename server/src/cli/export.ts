/**
 * gov-report-lint --export docx|html FILE [--out PATH] [--force]: a report (in any form it is read in)
 * written out for publication — a Word document in the official layout, or a web page's fragment —
 * beside it unless told where. Refused, with the errors listed, while its tables have errors, unless
 * --force. Never writes over the report itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../check';
import { exportHtml } from '../features/exportHtml';
import { exportBlockers, publication } from '../features/publication';
import { NO_DOCX_WRITER, loadDocxWriter } from '../files/exportLoader';
import { readReportText } from '../files/published';
import { writeFileAtomic } from '../files/write';
import type { Locale } from '../i18n';
import { configuredOptions } from './batch';

export interface ExportOptions {
  format: 'docx' | 'html';
  file: string;
  out?: string;
  force: boolean;
  config?: string;
  locale: Locale;
}

export interface ExportIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Where an export goes by default: beside the report, the same name with the format's extension. */
export function defaultExportPath(file: string, format: 'docx' | 'html'): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), path.basename(file, ext) + '.' + format);
}

/** Exit status: 0 written, 1 refused over errors in the tables, 2 unreadable or not written. */
export async function runExport(o: ExportOptions, io: ExportIO): Promise<number> {
  const zh = o.locale === 'zh';
  const fail = (s: string) => {
    io.stderr(`gov-report-lint: ${s}\n`);
    return 2;
  };
  const out = o.out ?? defaultExportPath(o.file, o.format);
  if (path.resolve(out) === path.resolve(o.file)) {
    return fail(zh ? `${o.file}: 导出的文件会覆盖报告本身，请用 --out 指定另一个路径` : `${o.file}: the export would overwrite the report itself; give another path with --out`);
  }
  const read = await readReportText(o.file, o.locale);
  if ('why' in read) return fail(`${o.file}: ${read.why}`);
  const { options, configError } = configuredOptions(o.file, o);
  if (configError) io.stderr(`gov-report-lint: ${configError.message}\n`);
  const analysis = analyze(read.text, options);
  const blockers = exportBlockers(analysis);
  if (blockers.length > 0 && !o.force) {
    for (const b of blockers) {
      const at = analysis.lineIndex.rangeOf(b.span).start;
      io.stderr(`${o.file}:${at.line + 1}:${at.character + 1}: error ${b.rule} ${b.message[o.locale]}\n`);
    }
    io.stderr(
      zh
        ? `gov-report-lint: 未导出：表格中有 ${blockers.length} 个错误（见上）。改正后再导出，或加 --force 仍然导出。\n`
        : `gov-report-lint: not exported: the tables have ${blockers.length} error${blockers.length === 1 ? '' : 's'} (above). Fix them, or export all the same with --force.\n`,
    );
    return 1;
  }
  const pub = publication(analysis);
  let bytes: Uint8Array;
  if (o.format === 'html') bytes = new TextEncoder().encode(exportHtml(pub));
  else {
    const writer = loadDocxWriter();
    if (!writer) return fail(NO_DOCX_WRITER[o.locale]);
    bytes = await writer.exportDocx(pub);
  }
  try {
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) return fail(zh ? `${out}: 是一个目录` : `${out}: is a directory`);
    writeFileAtomic(out, bytes);
  } catch (e) {
    return fail(zh ? `${out}: 写出失败：${(e as Error).message}` : `${out}: could not be written: ${(e as Error).message}`);
  }
  if (blockers.length > 0) io.stderr(zh ? `gov-report-lint: 表格中有 ${blockers.length} 个错误，已按 --force 导出\n` : `gov-report-lint: exported with ${blockers.length} error${blockers.length === 1 ? '' : 's'} in the tables (--force)\n`);
  io.stdout(`${out}\n`);
  return 0;
}
