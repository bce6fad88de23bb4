// Timings taken inside the page (performance.now), shared by the tests and the benchmark.

// Clicks "register" and returns the milliseconds from the click until `name` shows in the
// on-site list.
export async function saveToListed(page, name) {
  const waiting = page.evaluate((name) => new Promise((resolve) => {
    const button = document.querySelector('[data-testid=visit-submit]');
    let t0 = 0;
    button.addEventListener('click', () => { t0 = performance.now(); }, { once: true, capture: true });
    const list = document.querySelector('[data-testid=onsite-list]');
    const obs = new MutationObserver(() => {
      if (t0 && list.textContent.includes(name)) { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(list, { childList: true, subtree: true, characterData: true });
  }), name);
  await page.waitForTimeout(20);
  await page.getByTestId('visit-submit').click();
  return waiting;
}
