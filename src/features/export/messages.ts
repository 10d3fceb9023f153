import { defineMessages } from '../../i18n/index.ts';

export const exportText = defineMessages({
  en: {
    group: 'Export',
    svg: 'SVG',
    svgTitle: 'Download the current view as SVG (vector, styles inlined)',
    png: 'PNG',
    pngTitle: 'Download the current view as PNG at twice its size',
    json: 'JSON',
    jsonTitle: 'Download the snapshot as nsviz/snapshot@1 JSON, as `nsviz convert` writes it',
    embed: 'Copy embed code',
    embedTitle: 'Copy an <iframe> that shows this view without the app around it',
    transparent: 'Transparent background',
    transparentTitle: 'For the embed code and the SVG/PNG: no page background behind the picture',
    working: 'Exporting…',
    saved: (name: string) => `Saved ${name}`,
    scaled: (name: string, scale: number) =>
      `Saved ${name} at ${scale.toFixed(2)}× (the picture is too large for 2×)`,
    failed: (why: string) => `Export failed: ${why}`,
    noData: 'Nothing to export yet: the source is still loading.',
    copied: 'Embed code copied to the clipboard.',
    copyFallback: 'The clipboard is not available here: copy the code below (Ctrl+C / ⌘C).',
    embedCode: 'Embed code',
    close: 'Close',
    localOnly:
      'Pasted text and opened files stay in this tab, so an embed cannot show them: download the JSON, host it, and open it with #src=<its URL>.',
  },
  ko: {
    group: '내보내기',
    svg: 'SVG',
    svgTitle: '현재 보기를 SVG로 내려받기 (벡터, 스타일 포함)',
    png: 'PNG',
    pngTitle: '현재 보기를 두 배 크기의 PNG로 내려받기',
    json: 'JSON',
    jsonTitle: '스냅샷을 `nsviz convert`와 같은 nsviz/snapshot@1 JSON으로 내려받기',
    embed: '임베드 코드 복사',
    embedTitle: '앱 화면 없이 이 보기만 보여 주는 <iframe> 코드를 복사',
    transparent: '투명 배경',
    transparentTitle: '임베드 코드와 SVG/PNG에 적용: 그림 뒤에 페이지 배경을 넣지 않음',
    working: '내보내는 중…',
    saved: (name: string) => `${name} 저장됨`,
    scaled: (name: string, scale: number) =>
      `${name}을(를) ${scale.toFixed(2)}배로 저장함 (그림이 커서 2배로는 만들 수 없음)`,
    failed: (why: string) => `내보내기 실패: ${why}`,
    noData: '아직 내보낼 것이 없습니다: 입력을 불러오는 중입니다.',
    copied: '임베드 코드를 클립보드에 복사했습니다.',
    copyFallback: '여기서는 클립보드를 쓸 수 없습니다: 아래 코드를 복사하세요 (Ctrl+C / ⌘C).',
    embedCode: '임베드 코드',
    close: '닫기',
    localOnly:
      '붙여 넣은 텍스트와 연 파일은 이 탭에만 있어 임베드로 보여 줄 수 없습니다: JSON을 내려받아 올린 뒤 #src=<그 URL>로 여세요.',
  },
});
