/**
 * Gives plain-text and Markdown reports the report language, by their content.
 * Written against a small interface so it can be tested without VS Code.
 */
import { looksLikeReport } from '../../server/src/parse/detect';

export const LANGUAGE_ID = 'gov-annual-report';

/** The parts of a VS Code TextDocument the detector reads. */
export interface DetectableDocument {
  readonly languageId: string;
  readonly uri: { toString(): string };
  getText(): string;
}

export interface DetectorHost<D extends DetectableDocument> {
  /** the `govReport.detectByContent` setting for this document */
  detectByContent(doc: D): boolean;
  setLanguage(doc: D, languageId: string): Thenable<unknown> | void;
}

/**
 * Returns the handler for opened documents. A document is switched at most
 * once: if the user turns it back to plain text, it stays plain text.
 */
export function createLanguageDetector<D extends DetectableDocument>(host: DetectorHost<D>): (doc: D) => boolean {
  const switched = new Set<string>();
  return (doc: D): boolean => {
    if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown') return false;
    const key = doc.uri.toString();
    if (switched.has(key)) return false;
    if (!host.detectByContent(doc)) return false;
    if (!looksLikeReport(doc.getText())) return false;
    switched.add(key);
    void host.setLanguage(doc, LANGUAGE_ID);
    return true;
  };
}
