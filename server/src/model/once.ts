/**
 * A value derived from a model object (a report's sums, its cells' names),
 * computed once and kept on the object itself, out of sight (a non-enumerable
 * symbol property). Not in a WeakMap: every keystroke makes a new short-lived
 * model, and weak tables keyed by such objects cost the garbage collector more
 * than the values save (measured: a check ~20% slower).
 */
export function once<M extends object, V>(model: M, slot: symbol, compute: (model: M) => V): V {
  let value = (model as Record<symbol, V | undefined>)[slot];
  if (value === undefined) {
    value = compute(model);
    Object.defineProperty(model, slot, { value, enumerable: false });
  }
  return value;
}
