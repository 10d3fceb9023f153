import { useEffect } from 'react';

/**
 * Applies `#theme=light|dark` (contract §5) to the document; without it the CSS follows
 * `prefers-color-scheme`.
 */
export function useTheme(theme: string | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}
