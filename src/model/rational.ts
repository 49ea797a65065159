/**
 * Exact rational numbers on bigint. Every figure the user typed is kept exactly
 * (a decimal is a rational), so risk bounds and hour totals never suffer from
 * float rounding; conversion to a float happens only for display.
 */
const KLEIN_VAN = -1024n;
const KLEIN_TOT = 65536n;
const KLEIN: Rational[] = [];

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('deling door nul');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    // A whole number needs no reduction: most figures are, and every bigint operation allocates.
    if (d !== 1n) {
      const g = gcd(n < 0n ? -n : n, d);
      if (g !== 1n) {
        n /= g;
        d /= g;
      }
    }
    // Small whole numbers (scores, counts, kentallen) are one shared object each: a werkmap of
    // 100.000 lines holds some 700.000 of them. Safe because a Rational never changes.
    if (d === 1n && n >= KLEIN_VAN && n <= KLEIN_TOT) {
      const i = Number(n - KLEIN_VAN);
      return (KLEIN[i] ??= new Rational(n, 1n));
    }
    return new Rational(n, d);
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);

  /** Parses a plain decimal string such as "-12.0250" or "1.5e-7" exactly. */
  static fromDecimalString(s: string): Rational | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] || '0';
    const frac = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
    let num = BigInt(intPart + frac) * sign;
    let den = 10n ** BigInt(frac.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(num, den);
  }

  /** The exact value a JavaScript number was written as (its shortest round-trip decimal). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`geen eindig getal: ${x}`);
    if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return Rational.of(BigInt(x));
    const r = Rational.fromDecimalString(String(x));
    if (!r) throw new RangeError(`onleesbaar getal: ${x}`);
    return r;
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('deling door nul');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return Rational.of(-this.num, this.den);
  }
  cmp(o: Rational): number {
    if (this.den === o.den) return this.num < o.num ? -1 : this.num > o.num ? 1 : 0;
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }
  ceil(): bigint {
    const q = this.num / this.den;
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q;
  }

  /** Rounds half away from zero to `decimals` places, exactly. */
  round(decimals: number): Rational {
    // A whole number is its own rounding (decimals is never negative).
    if (this.den === 1n) return this;
    const scale = 10n ** BigInt(decimals);
    const scaled = this.num * scale;
    const abs = scaled < 0n ? -scaled : scaled;
    let q = abs / this.den;
    const rem = abs - q * this.den;
    if (rem * 2n >= this.den) q += 1n;
    return Rational.of(scaled < 0n ? -q : q, scale);
  }

  /** A plain decimal string ("12.02", "-3") rounded to at most `decimals` places, no trailing zeros. */
  toDecimalString(decimals = 10): string {
    if (this.den === 1n) return this.num.toString();
    const r = this.round(decimals);
    const neg = r.num < 0n;
    const abs = neg ? -r.num : r.num;
    const scale = 10n ** BigInt(decimals);
    const scaled = (abs * scale) / r.den;
    const int = scaled / scale;
    let frac = (scaled % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
    if (decimals === 0) frac = '';
    return `${neg && scaled !== 0n ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
  }

  toNumber(): number {
    if (this.den === 1n) return Number(this.num);
    // A fraction's float once per value (shared effects and risks are written to every workbook row).
    let x = ALS_GETAL.get(this);
    if (x === undefined) {
      x = this.breukNaarGetal();
      // A bounded table of the first values (see nlGetal): kept strongly, never a weak one.
      if (ALS_GETAL.size < 4096) ALS_GETAL.set(this, x);
    }
    return x;
  }

  private breukNaarGetal(): number {
    // A value with at most 15 decimals whose parts are exact doubles: one IEEE division rounds it to
    // the nearest float, as the decimal string would, without building the string.
    if (this.num <= MAX_EXACT && this.num >= -MAX_EXACT && E15 % this.den === 0n) return Number(this.num) / Number(this.den);
    // Through the decimal string so that 739.23 comes out as the float nearest to 739.23.
    return Number(this.toDecimalString(15));
  }

  toString(): string {
    return this.toDecimalString(10);
  }

  static sum(xs: Iterable<Rational>): Rational {
    let s = Rational.ZERO;
    for (const x of xs) s = s.add(x);
    return s;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.gte(b) ? a : b;
  }
  static min(a: Rational, b: Rational): Rational {
    return a.lte(b) ? a : b;
  }
}

const MAX_EXACT = 2n ** 53n;
const ALS_GETAL = new Map<Rational, number>();
const E15 = 10n ** 15n;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}
