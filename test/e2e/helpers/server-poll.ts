/** Bounded polling: calls `probe` every `intervalMs` until it returns a value other than undefined. */
export async function pollFor<T>(input: {
  probe: () => T | undefined | Promise<T | undefined>;
  timeoutMs: number;
  intervalMs?: number;
  what: string;
}): Promise<T> {
  const deadline = Date.now() + input.timeoutMs;
  for (;;) {
    const value = await input.probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${input.timeoutMs} ms waiting for ${input.what}`);
    await new Promise((resolve) => setTimeout(resolve, input.intervalMs ?? 20));
  }
}
