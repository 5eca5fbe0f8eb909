import { LIVE_TIMEOUT } from './lib.mjs';

/** Polls `read` until `check` accepts its value; fails with the last value seen. */
export async function expect(read, check, timeout = LIVE_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeout} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
