// Timed typing into the search box, shared by bench.mjs and profile.mjs. Each keystroke is a
// real key press (trusted events, through the DevTools protocol). For each it measures, from
// the key's own time stamp (`event.timeStamp` of the keydown):
// - `echo`: until the frame that shows the typed letter has been drawn (the first animation
//   frame after the keydown was handled, then a task after it): the input latency;
// - `results`: until the frame after the results last changed has been drawn.
// The next key is pressed once the results are on screen, as a person reading while typing.

/** Puts the listeners in the page (once per document). */
async function install(page) {
  await page.evaluate(() => {
    if (window.__typing) return;
    // Resolves once the next frame has been drawn: an animation frame, then a task after it.
    const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }));
    const state = { down: 0, echo: null, changed: 0, painted: 0 };
    window.__typing = state;
    window.__afterFrame = afterFrame;
    window.addEventListener('keydown', (e) => {
      state.down = e.timeStamp;
      state.changed = 0;
      state.painted = 0;
      state.echo = afterFrame();
    }, true);
    new MutationObserver(() => {
      const changed = performance.now();
      state.changed = changed;
      afterFrame().then((t) => { if (state.changed === changed) state.painted = t; });
    }).observe(document.querySelector('main') || document.body, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * Types `text` a key at a time; returns `{ echo, results }`, arrays of milliseconds.
 * The results have settled when nothing in `main` has changed for 150 ms.
 */
export async function typeTimed(page, text) {
  await install(page);
  const echo = [];
  const results = [];
  for (const ch of text) {
    await page.keyboard.type(ch);
    const times = await page.evaluate(async () => {
      const s = window.__typing;
      const echoed = await s.echo;
      let last = s.changed;
      for (;;) {
        await new Promise((r) => setTimeout(r, 150));
        if (s.changed === last) break;
        last = s.changed;
      }
      if (last && !s.painted) await window.__afterFrame();
      const painted = last ? s.painted || performance.now() : echoed;
      return { echo: echoed - s.down, results: Math.max(echoed, painted) - s.down };
    });
    echo.push(times.echo);
    results.push(times.results);
  }
  return { echo, results };
}

/** Empties the search box (as selecting its text and deleting it would). */
async function emptyBox(page) {
  await page.locator('#search-input').fill('');
  await page.waitForTimeout(150);
}

/** Three searches typed one after another, each into an emptied box: 43 keystrokes. */
export async function typeQueries(page, queries = ['lao dong da nang', 'nguoi co cong', 'tre em tro cap']) {
  const all = { echo: [], results: [] };
  for (const query of queries) {
    await emptyBox(page);
    await page.locator('#search-input').focus();
    const { echo, results } = await typeTimed(page, query);
    all.echo.push(...echo);
    all.results.push(...results);
  }
  return all;
}
