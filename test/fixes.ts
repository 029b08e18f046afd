import type { Fix } from '../server/src/rules/types';

/** Applies a fix's edits to a text (edits do not overlap; applied from the end). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
