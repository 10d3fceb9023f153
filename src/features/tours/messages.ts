import { defineMessages } from '../../i18n/index.ts';

export const tourText = defineMessages({
  en: {
    tours: 'Tours',
    list: 'Guided tours',
    steps: (n: number) => `${n} steps`,
    stepOf: (i: number, n: number) => `Step ${i} of ${n}`,
    prev: 'Back',
    next: 'Next',
    close: 'End tour',
    collapse: 'Fold the tour card',
    expand: 'Unfold the tour card',
    keys: '← → move between steps',
    unknown: (id: string) => `There is no tour named ${id}.`,
  },
  ko: {
    tours: '투어',
    list: '따라 하는 투어',
    steps: (n: number) => `${n}단계`,
    stepOf: (i: number, n: number) => `${n}단계 중 ${i}단계`,
    prev: '이전',
    next: '다음',
    close: '투어 끝내기',
    collapse: '투어 카드 접기',
    expand: '투어 카드 펼치기',
    keys: '← → 키로 단계 이동',
    unknown: (id: string) => `${id}라는 투어가 없습니다.`,
  },
});
