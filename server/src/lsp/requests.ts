/** What every request handler on a document does first: lets queued events through, then finds the analysis it answers from. */
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Analysis } from '../check';
import type { ServerState } from './state';

export const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/**
 * Lets the events queued meanwhile (edits, cancellations) through before a request's analysis, and
 * answers a request the client cancelled meanwhile as cancelled (LSP RequestCancelled).
 */
export async function whenCurrent(state: ServerState, token: CancellationToken): Promise<void> {
  if (!token.isCancellationRequested) await state.host.yieldToEvents();
  if (token.isCancellationRequested) throw cancelled();
}

/**
 * The analysis a request on a document answers from (none for a document over govReport.maxFileSize
 * but the one of its last save while it is unchanged): made in slices when it is not there, and the
 * request answered as cancelled when the client cancelled it before or while it was made.
 */
export async function requestAnalysis(state: ServerState, uri: string, token: CancellationToken): Promise<Analysis | undefined> {
  await whenCurrent(state, token);
  const doc = state.documents.get(uri);
  if (!doc) return undefined;
  const analysis = doc.getText().length <= state.settings.maxFileSize ? await state.analysisSoon(doc, token) : state.cached(uri, doc.version);
  if (token.isCancellationRequested) throw cancelled();
  return analysis;
}
