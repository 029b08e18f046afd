/**
 * What pdf.js expects of the runtime and Node 20 lacks: Promise.withResolvers (Node 22). Imported
 * before pdf.js. Defined only where missing, as the standard describes it.
 */
const P = Promise as unknown as { withResolvers?: <T>() => { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
}

/**
 * The built-ins pdf.js's legacy build replaces with core-js's when it loads, found by comparing every
 * built-in before and after (Node 20): core-js takes V8's `push` for not throwing on an array whose
 * length cannot be written when nothing is pushed, and brings JSON.parse and JSON.stringify of later
 * proposals, so it puts in their place functions written in JavaScript — for the whole thread, for
 * every report checked after a PDF was read. Measured with one worker: `push` and its length setter
 * were a fifth of 27 PDFs' time (9.9 → 7.2 s once put back), and 2 000 text reports checked after one
 * PDF took 5.65 s instead of 4.8 (alone: 4.1). Kept here, before pdf.js is loaded, and put back once
 * it is (restoreNatives): pdf.js needs none of what they add (the PDFs read give the same text).
 */
const NATIVES: readonly [object, PropertyKey, PropertyDescriptor | undefined][] = (
  [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Function.prototype, 'toString'],
  ] as const
).map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)]);

/** Puts back the built-ins as they were before pdf.js was loaded (a no-op for those it left alone). */
export function restoreNatives(): void {
  for (const [target, key, descriptor] of NATIVES) {
    if (descriptor && Object.getOwnPropertyDescriptor(target, key)?.value !== descriptor.value) Object.defineProperty(target, key, descriptor);
  }
}
