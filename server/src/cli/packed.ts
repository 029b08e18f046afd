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
