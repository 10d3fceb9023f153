/**
 * Runs `start` once index.html's first frame, if it shows one, has been painted: the frame
 * begins at the next animation frame, and a task queued there runs after its style, layout and
 * paint. Without a frame (any other address, a CSP that kept the inline script from running,
 * the single-file build's first load) it runs at once. Should loading the app fail, the page
 * says so instead of showing a picture that never comes alive.
 */
export function afterFirstFrame(start: () => Promise<unknown>): void {
  const run = (): void => {
    start().catch((e: unknown) => {
      document.getElementById('first-frame')?.remove();
      const root = document.getElementById('root');
      if (!root) return;
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = 'alert';
      p.textContent = `nsviz could not load its scripts (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
      root.replaceChildren(p);
    });
  };
  if (document.getElementById('first-frame')?.firstChild)
    requestAnimationFrame(() => setTimeout(run, 0));
  else run();
}
