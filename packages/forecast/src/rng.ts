// Module-level bindings for the hot loops: a global such as Math is reached through the realm's global
// object on every use, which is slow in a vm context (jest runs tests and benchmarks in one).
const { floor: _floor, sqrt: _sqrt, log: _log, pow: _pow } = Math;

/**
 * A small, fast, seedable PRNG (sfc32, seeded through splitmix32) and the samplers the simulator needs.
 * Same seed → same stream on every platform: only 32-bit integer arithmetic and IEEE doubles, no
 * Math.random, no clock. Each parameter draw group gets its own stream derived from (seed, group), so
 * an answer does not depend on how the groups are split between worker threads.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // splitmix32 spreads (seed, stream) over the 128-bit state; sfc32 needs a non-zero state.
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return _floor(this.uniform() * n);
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * _sqrt((-2 * _log(s)) / s);
    }
  }

  /** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 boosted by U^(1/shape)). */
  gamma(shape: number): number {
    if (shape < 1) {
      const u = this.uniform();
      return this.gamma(shape + 1) * _pow(u === 0 ? Number.MIN_VALUE : u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / _sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (_log(u) < 0.5 * x * x + d * (1 - v + _log(v))) return d * v;
    }
  }

  /** Beta(α, β) as a ratio of gammas. */
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    const y = this.gamma(beta);
    return x + y === 0 ? alpha / (alpha + beta) : x / (x + y);
  }

  /**
   * Binomial(n, p), exact in distribution: inversion over the probability mass function when the mean
   * is small (the usual case: few loans of a cohort default), halving n otherwise (a sum of two
   * independent binomials with the same p is binomial) so the inversion never underflows.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    if (n * p > 40) {
      const half = _floor(n / 2);
      return this.binomial(half, p) + this.binomial(n - half, p);
    }
    const q = 1 - p;
    const ratio = p / q;
    let prob = _pow(q, n);
    let cdf = prob;
    const u = this.uniform();
    let k = 0;
    while (u >= cdf && k < n) {
      prob *= (ratio * (n - k)) / (k + 1);
      k++;
      cdf += prob;
      // Floating-point shortfall of the tail: what is left is at k.
      if (prob === 0) break;
    }
    return k;
  }
}
