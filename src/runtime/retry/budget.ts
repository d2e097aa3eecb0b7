export interface RetryBudgetOptions {
  /** The bucket's size, in (0, 1000]. */
  maxTokens: number;
  /** Tokens given back per success, in (0, 1]; kept to 3 decimals as gRPC does. */
  tokenRatio: number;
}

/**
 * A client-wide retry budget in the style of gRPC retry throttling. The bucket starts full; each transient
 * failure takes a token, each success gives back `tokenRatio` (capped at `maxTokens`), and retries are
 * allowed only while the bucket holds more than half of `maxTokens`. Counted in thousandths, so it is exact.
 */
export class RetryBudget {
  readonly maxTokens: number;
  readonly tokenRatio: number;
  #milli: number;
  readonly #maxMilli: number;
  readonly #ratioMilli: number;

  constructor({ maxTokens, tokenRatio }: RetryBudgetOptions) {
    if (!(maxTokens > 0 && maxTokens <= 1000))
      throw new RangeError(`maxTokens must be in (0, 1000]: ${maxTokens}`);
    if (!(tokenRatio > 0 && tokenRatio <= 1))
      throw new RangeError(`tokenRatio must be in (0, 1]: ${tokenRatio}`);
    this.maxTokens = maxTokens;
    this.tokenRatio = tokenRatio;
    this.#maxMilli = Math.round(maxTokens * 1000);
    this.#ratioMilli = Math.max(1, Math.round(tokenRatio * 1000));
    this.#milli = this.#maxMilli;
  }

  /** Tokens in the bucket now. */
  get tokens(): number {
    return this.#milli / 1000;
  }

  recordFailure(): void {
    this.#milli = Math.max(0, this.#milli - 1000);
  }

  recordSuccess(): void {
    this.#milli = Math.min(this.#maxMilli, this.#milli + this.#ratioMilli);
  }

  /** True while the bucket holds more than half of `maxTokens`. */
  canRetry(): boolean {
    return this.#milli * 2 > this.#maxMilli;
  }
}
