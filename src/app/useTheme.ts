import { useEffect } from 'react';
import { linkKoreanFonts } from './koreanFonts.ts';

/**
 * Applies `#theme=light|dark` and `#lang=en|ko` (contract §5) to the document: `<html lang>`
 * (screen readers, fonts, hyphenation) and the title follow the UI language; without a theme
 * the CSS follows `prefers-color-scheme`. `transparent` (embed with `bg=transparent`) drops
 * the page background so slides show through.
 */
export function useTheme(
  theme: string | undefined,
  lang: string,
  transparent: boolean,
  title: string,
): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
    root.lang = lang;
    if (lang === 'ko') linkKoreanFonts();
    if (transparent) root.dataset.bg = 'transparent';
    else delete root.dataset.bg;
    document.title = title;
  }, [theme, lang, transparent, title]);
}
