// Time to paint, measured in the page: from an action until a frame that shows its effect has
// been painted. Used by the browser rows (patch-to-screen, timeline-paint).

/**
 * In the page: runs `act(arg)` in an animation frame (so the page has taken whatever it was given
 * before) and resolves with the ms until a painted frame satisfies `painted(arg)` — a
 * MutationObserver sees each DOM change, and the animation frame after the one that satisfies it
 * is when it reaches the screen. NaN after `timeoutMs`; rejects with what `act` throws.
 */
function waitForPaint({ act, painted, arg, timeoutMs }) {
  return new Promise((resolve, reject) => {
    let started = 0;
    const done = (ms) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(ms);
    };
    const observer = new MutationObserver(() => {
      if (started && painted(arg)) requestAnimationFrame(() => done(performance.now() - started));
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const timer = setTimeout(() => done(Number.NaN), timeoutMs);
    requestAnimationFrame(() => {
      started = performance.now();
      try {
        act(arg);
      } catch (err) {
        observer.disconnect();
        clearTimeout(timer);
        reject(err);
      }
    });
  });
}

/**
 * Ms from `act(arg)` until a painted frame satisfies `painted(arg)` (see waitForPaint). `act` and
 * `painted` run in the page: they may use only their argument and the page's globals.
 */
export async function timeToPaint(page, { act, painted, arg, timeoutMs = 20_000 }) {
  // Handles to the two functions, passed to the page's loop (nothing is eval'd by the page itself).
  const actFn = await page.evaluateHandle(`(${act})`);
  const paintedFn = await page.evaluateHandle(`(${painted})`);
  try {
    return await page.evaluate(waitForPaint, { act: actFn, painted: paintedFn, arg, timeoutMs });
  } finally {
    await actFn.dispose();
    await paintedFn.dispose();
  }
}
