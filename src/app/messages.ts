import { defineMessages } from '../i18n/index.ts';

export const appText = defineMessages({
  en: {
    documentTitle: 'nsviz: pod namespace topology',
    tagline: 'pod namespace topology',
    skip: 'Skip to the view',
    home: 'nsviz: back to the default capture',
    captures: 'Captures',
    gallery: 'Gallery',
    galleryHint: 'Browse the bundled captures',
    open: 'Open capture…',
    openHint: 'Open your own files, a folder or a pasted transcript',
    unknownSource: (src: string, fallback: string | undefined) =>
      `There is no bundled capture named “${src}”${fallback ? `; showing ${fallback}.` : '.'}`,
    noCaptures: 'No captures are bundled: fixtures/manifest.json lists none.',
    loading: (title: string) => `Loading ${title}…`,
    couldNotShow: (title: string) => `Could not show ${title}.`,
  },
  ko: {
    documentTitle: 'nsviz: 파드 네임스페이스 토폴로지',
    tagline: '파드 네임스페이스 토폴로지',
    skip: '그림으로 바로 가기',
    home: 'nsviz: 기본 캡처로 돌아가기',
    captures: '캡처',
    gallery: '갤러리',
    galleryHint: '내장 캡처 둘러보기',
    open: '캡처 열기…',
    openHint: '내 파일, 폴더, 붙여 넣은 터미널 기록 열기',
    unknownSource: (src: string, fallback: string | undefined) =>
      `“${src}”라는 내장 캡처는 없습니다.${fallback ? ` 기본 캡처(${fallback})를 보여 줍니다.` : ''}`,
    noCaptures: '내장 캡처가 없습니다: fixtures/manifest.json이 비어 있습니다.',
    loading: (title: string) => `${title} 불러오는 중…`,
    couldNotShow: (title: string) => `보여 줄 수 없습니다: ${title}.`,
  },
});
