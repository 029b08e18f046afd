/** Reports as they were published (web page, Word, PDF): their report text, and an open report's text with its tables in the national layout. */
import type { Connection } from 'vscode-languageserver';
import { canonicalText } from '../../features/canonicalText';
import { LineIndex } from '../../parse/text';
import { CanonicalTextRequest, PublishedText, ReadPublishedRequest, fromBase64 } from '../protocol';
import type { ServerState } from '../state';

export function registerPublished(connection: Connection, state: ServerState): void {
  /** A report file as it was published → its report text (the client shows it as a report document). */
  connection.onRequest(ReadPublishedRequest, async (params): Promise<PublishedText> => {
    const { host } = state;
    const locale = state.settings.locale;
    const p = params as { data?: unknown; name?: unknown } | null | undefined;
    if (!host.readPublished || typeof p?.data !== 'string' || typeof p.name !== 'string') {
      return { ok: false, message: locale === 'zh' ? '这里不能读取此类文件。' : 'Files of this kind cannot be read here.' };
    }
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(p.data);
    } catch {
      return { ok: false, message: `${ReadPublishedRequest.method}: data is not base64` };
    }
    const r = await host.readPublished(bytes, p.name);
    if (!r.ok) return { ok: false, message: r.refusal.message[locale] };
    const answer: PublishedText = { ok: true, text: r.read.text, form: r.read.form };
    if (r.read.origins.some((o) => o.page !== undefined)) {
      // the line each page starts at
      const index = new LineIndex(r.read.text);
      answer.pages = r.read.origins.filter((o) => o.page !== undefined).map((o) => ({ line: index.positionAt(o.offset).line, page: o.page! }));
    }
    return answer;
  });

  /** An open report's text with its fully read tables in the national layout (to save as an editable report). */
  connection.onRequest(CanonicalTextRequest, (params) => {
    const uri = (params as { uri?: unknown } | null | undefined)?.uri;
    const doc = typeof uri === 'string' ? state.documents.get(uri) : undefined;
    if (!doc) return null;
    const analysis = state.analysisOf(doc);
    return canonicalText(analysis.text, analysis.report);
  });
}
