/**
 * Many short strings (a run's file paths, the agencies their titles name) kept off the JavaScript heap:
 * their UTF-16 code units one after the other in one growing buffer, with where each ends. A run keeps
 * a few bytes per file whatever their number, and the main thread's heap stays small: a hundred
 * thousand strings on the heap would survive every minor collection and make V8 grow its young
 * generation to the largest it allows (measured at 20 000 files: the main thread's heap 47 → 18 MB).
 * UTF-16, not UTF-8: every string comes back exactly as it went in (a Windows file name may hold a
 * lone surrogate, which UTF-8 cannot carry).
 */
export class PackedStrings {
  private units = Buffer.allocUnsafe(1 << 14);
  private ends = new Uint32Array(256);
  private used = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Adds a string: its place. */
  push(s: string): number {
    const need = this.used + 2 * s.length;
    if (need > this.units.length) {
      const larger = Buffer.allocUnsafe(Math.max(need, 2 * this.units.length));
      this.units.copy(larger, 0, 0, this.used);
      this.units = larger;
    }
    if (this.count === this.ends.length) {
      const larger = new Uint32Array(2 * this.ends.length);
      larger.set(this.ends);
      this.ends = larger;
    }
    this.used += this.units.write(s, this.used, 'utf16le');
    this.ends[this.count] = this.used;
    return this.count++;
  }

  /** The string at a place (a new string each time). */
  get(k: number): string {
    if (k < 0 || k >= this.count) throw new RangeError(`no string ${k} of ${this.count}`);
    return this.units.toString('utf16le', k === 0 ? 0 : this.ends[k - 1], this.ends[k]);
  }
}

/**
 * What a run keeps of the reports' readings between judging and checking (cli.ts): a web page's or a Word
 * file's reading is most of its check, and the judging (is it a report, whose, which year) has to read
 * it whole, so that without this each such file is read twice (batch.KEPT_FORMS). Kept as bytes, off the
 * heap (batch.packRead), and at most KEPT_READS_BYTES of them together: a reading packs to ~5 KB
 * (measured on 216 real web pages and Word reports: 5.4 KB on average, at most 7), so that the first
 * ~3 000 such files of a run are read once; the files after them are read again when they are checked,
 * and a run of any size stays within its memory. Measured on 3 024 Word reports, two workers: 37.8 →
 * 23.8 s with 32 MB of unpacked readings (peak RSS 198 → 237 MB), hence packed and 16 MB: 38 → 21.4–24.0 s,
 * peak RSS 199 → 214–216 MB.
 * Invariant: an entry is what reading its file gave when it was judged, and the one check of that file
 * takes it (and drops it).
 */
export const KEPT_READS_BYTES = 16 * 1024 * 1024;

export class KeptReads {
  private readonly reads = new Map<number, Uint8Array>();
  private bytes = 0;

  constructor(private readonly budget = KEPT_READS_BYTES) {}

  /** Whether more may be kept (a judging asks for the readings only then). */
  get room(): boolean {
    return this.bytes < this.budget;
  }

  /** Keeps a file's reading, by its place in the run, if it fits (counted by the memory it holds: its whole buffer). */
  keep(index: number, read: Uint8Array): void {
    const size = read.buffer.byteLength;
    if (this.bytes + size > this.budget || this.reads.has(index)) return;
    this.reads.set(index, read);
    this.bytes += size;
  }

  /** A file's reading, if kept: taken out. */
  take(index: number): Uint8Array | undefined {
    const read = this.reads.get(index);
    if (read) {
      this.reads.delete(index);
      this.bytes -= read.buffer.byteLength;
    }
    return read;
  }
}
