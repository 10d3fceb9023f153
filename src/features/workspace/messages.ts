import { defineMessages } from '../../i18n/index.ts';

export const workspaceText = defineMessages({
  en: {
    views: 'View',
    topology: 'Topology',
    matrix: 'Matrix',
    table: 'Table',
    compare: 'Compare',
    diff: 'Diff',
    types: 'Namespace types',
    allTypes: 'all',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    language: 'Language',
    toolbar: 'View controls',
  },
  ko: {
    views: '보기',
    topology: '토폴로지',
    matrix: '매트릭스',
    table: '표',
    compare: '비교',
    diff: '차이',
    types: '네임스페이스 종류',
    allTypes: '전체',
    theme: '테마',
    light: '밝게',
    dark: '어둡게',
    language: '언어',
    toolbar: '보기 설정',
  },
});
