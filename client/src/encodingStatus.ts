/** What the status item says of a report file's encoding (no VS Code API here: tested on its own). */
import type { FileEncodingStatus } from '../../server/src/lsp/protocol';
import { Lang, say } from './messages';

const ENCODING_NAMES: Record<FileEncodingStatus['encoding'], string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GB18030' };

/** What the encoding item says: its text, detail and severity, and whether it offers to reopen the file. */
export function encodingStatus(e: FileEncodingStatus, lang: Lang): { text: string; detail: string; warning: boolean; reopen: boolean } {
  const plain = ENCODING_NAMES[e.encoding];
  const name = plain + (e.bom && e.encoding === 'utf-8' ? ' BOM' : '');
  if (e.mismatch) return { text: say(lang, 'encodingMismatch', name), detail: say(lang, 'encodingMismatchDetail', name), warning: true, reopen: true };
  if (e.badLines?.length) return { text: say(lang, 'encodingStray', name), detail: say(lang, 'encodingStrayDetail', plain, e.badLines), warning: true, reopen: false };
  return { text: name, detail: say(lang, 'encodingKept', name), warning: false, reopen: false };
}
