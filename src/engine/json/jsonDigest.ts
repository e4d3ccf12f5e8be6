/**
 * A fast 64-bit digest of a JSON value's content: `d64:` and 16 hex digits. Object keys are taken
 * in sorted order and `undefined` members dropped (as `canonicalJson` does), so the same data gives
 * the same digest whatever order its keys were written in; every string, number and structure
 * boundary is fed to two independent 32-bit rotate-xor-multiply lanes, mixed at the end. It walks the
 * parsed value once and builds no text, so a 6 MB model costs tens of milliseconds where the
 * canonical JSON and SHA-256 (`contentHash`) cost about a second.
 *
 * Not cryptographic: it tells a changed model from the one a file was made for (accidental
 * mismatch, 2^-64), not a forged file from a true one. Where a hash must stand up to an adversary
 * (an order's `modelHash`), use `contentHash`.
 *
 * @example
 * jsonDigest({ b: 1, a: [true, null] }) === jsonDigest({ a: [true, null], b: 1 }) // true
 */
export function jsonDigest(value: unknown): string {
  const state = new Digest();
  state.value(value);
  return state.finish();
}

class Digest {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  private code(c: number): void {
    this.h1 = Math.imul(((this.h1 << 5) | (this.h1 >>> 27)) ^ c, 2654435761);
    this.h2 = Math.imul(((this.h2 << 7) | (this.h2 >>> 25)) ^ c, 1597334677);
  }

  private text(s: string): void {
    this.code(0x22);
    this.code(s.length);
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(((h1 << 5) | (h1 >>> 27)) ^ c, 2654435761);
      h2 = Math.imul(((h2 << 7) | (h2 >>> 25)) ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'string':
        return this.text(v);
      case 'number':
        this.code(0x23);
        return this.text(Number.isFinite(v) ? String(v) : 'null');
      case 'boolean':
        return this.code(v ? 0x74 : 0x66);
      case 'object':
        if (v === null) return this.code(0x6e);
        if (Array.isArray(v)) {
          this.code(0x5b);
          this.code(v.length);
          for (const item of v) this.value(item ?? null);
          return this.code(0x5d);
        }
        this.code(0x7b);
        for (const key of Object.keys(v).sort()) {
          const member = (v as Record<string, unknown>)[key];
          if (member === undefined) continue;
          this.text(key);
          this.value(member);
        }
        return this.code(0x7d);
      default:
        // functions, symbols, bigints: not JSON (JSON.stringify drops or refuses them)
        return this.code(0x75);
    }
  }

  finish(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
    return `d64:${hex(h2)}${hex(h1)}`;
  }
}
