/** What the status item says of a report file's encoding (no VS Code API here: tested on its own). */
import type { FileEncodingStatus } from '../../server/src/lsp/protocol';

const ENCODING_NAMES: Record<FileEncodingStatus['encoding'], string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GB18030' };

/** What the encoding item says: its text, detail and severity, and whether it offers to reopen the file. */
export function encodingStatus(e: FileEncodingStatus, zh: boolean): { text: string; detail: string; warning: boolean; reopen: boolean } {
  const name = ENCODING_NAMES[e.encoding] + (e.bom && e.encoding === 'utf-8' ? ' BOM' : '');
  if (e.mismatch) {
    return {
      text: zh ? `$(warning) 文件是 ${name} 编码` : `$(warning) The file is ${name}`,
      detail: zh ? `编辑器没有按 ${name} 打开它，中文显示为乱码，检查结果不可信` : `not opened as ${name}: its Chinese shows garbled and the check cannot be trusted`,
      warning: true,
      reopen: true,
    };
  }
  if (e.badLines?.length) {
    const lines = e.badLines.join(zh ? '、' : ', ');
    const plain = ENCODING_NAMES[e.encoding];
    return {
      text: zh ? `$(warning) ${name}（有无法识别的字节）` : `$(warning) ${name} (stray bytes)`,
      detail: zh ? `第 ${lines} 行有不是 ${plain} 的字节` : `bytes that are not ${plain} on line${e.badLines.length > 1 ? 's' : ''} ${lines}`,
      warning: true,
      reopen: false,
    };
  }
  return {
    text: name,
    detail: zh ? `文件按 ${name} 编码保存；命令行 --fix 写回时保持此编码` : `the file is saved as ${name}; the command line's --fix writes it back so`,
    warning: false,
    reopen: false,
  };
}
