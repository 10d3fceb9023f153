import href from './fonts-ko.css?url';

/** The `<link>` of fonts-ko.css, shared with index.html's first-frame script. */
export const KOREAN_FONTS_ID = 'fonts-ko';

/**
 * Links Noto Sans KR's faces (fonts-ko.css) once the page is shown in Korean; they stay for the
 * rest of the visit (switching back costs nothing). English pages never parse them.
 */
export function linkKoreanFonts(): void {
  if (document.getElementById(KOREAN_FONTS_ID)) return;
  const link = document.createElement('link');
  link.id = KOREAN_FONTS_ID;
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}
