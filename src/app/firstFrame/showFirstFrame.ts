/** What the build tells the inline script (scripts/vite/firstFrame.ts). */
export interface FirstFrameConfig {
  /** The capture the frame shows: the default one. */
  id: string;
  /** After this long without the app, the frame goes anyway: a picture never outlives it. */
  timeoutMs: number;
  /** The built fonts-ko.css, linked (as src/app/koreanFonts.ts will) for the Korean frame. */
  koreanFonts: string | undefined;
}

/**
 * Runs inline in index.html, before the app's scripts have loaded, and shows the frame
 * rendered at build time when the address asks for exactly what it shows: no hash, or only
 * the default capture's `src`, in the browser's language (the topology in it is fitted by its
 * viewBox, so nothing is measured here), and goes the moment the app draws its own view (a
 * MutationObserver runs before the next paint, so the two never show, or exist for a test,
 * at once). The frame is `inert`: until the app is there, nothing on it can be clicked.
 *
 * It is serialised with Function#toString into the page: plain DOM code, nothing imported.
 */
export function showFirstFrame(config: FirstFrameConfig): void {
  const frame = document.getElementById('first-frame');
  const root = document.getElementById('root');
  if (!frame || !root) return;
  const hash = location.hash.replace(/^#/, '');
  const lang = navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  const template = document.getElementById(`first-frame-${lang}`);
  if (
    !(hash === '' || hash === `src=${config.id}`) ||
    !(template instanceof HTMLTemplateElement) ||
    root.firstChild
  ) {
    frame.remove();
    return;
  }
  frame.append(template.content.cloneNode(true));
  // As the app will (useTheme): the language picks the font stacks (app.css) and, in Korean,
  // links Noto Sans KR.
  document.documentElement.lang = lang;
  if (lang === 'ko' && config.koreanFonts && !document.getElementById('fonts-ko')) {
    const link = document.createElement('link');
    link.id = 'fonts-ko';
    link.rel = 'stylesheet';
    link.href = config.koreanFonts;
    document.head.append(link);
  }

  const done = (): void => {
    observer.disconnect();
    window.removeEventListener('hashchange', done);
    clearTimeout(timer);
    frame.remove();
  };
  // The app's own view, or anything it shows instead (an alert, another page).
  const observer = new MutationObserver(() => {
    if (
      root.querySelector('[data-testid=topology]') ||
      root.querySelector('main > :not(.loading):not(.workspace)')
    )
      done();
  });
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener('hashchange', done);
  const timer = setTimeout(done, config.timeoutMs);
}
