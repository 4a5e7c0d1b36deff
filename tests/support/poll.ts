// Waiting for something to happen, with a deadline: the notification tests poll instead
// of sleeping a fixed time, and fail with what they saw last.

/**
 * Calls `probe` until it returns a truthy value (returned) or `ms` pass (throws, naming
 * `what` and the last value seen, or the last error `probe` threw).
 */
export async function until<T>(
  probe: () => T | Promise<T>,
  ms: number,
  what: string,
  everyMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      lastError = undefined;
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `last error: ${String((lastError as Error)?.stack ?? lastError)}` : `last value: ${safeJson(last)}`;
      throw new Error(`timed out after ${ms} ms waiting for ${what}; ${seen}`);
    }
    await sleep(everyMs);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s && s.length > 2000 ? `${s.slice(0, 2000)}…` : String(s);
  } catch {
    return String(v);
  }
}
