/** Polls until `fn` yields a truthy value (returned), or fails naming what it waited for. */
export async function until<T>(
  fn: () => T | Promise<T>,
  what: string,
  ms = 15_000,
  every = 50,
): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
