import { defineMessages } from '../../i18n/index.ts';
import type { FetchFailure } from './fetchFailure.ts';

export const urlText = defineMessages({
  en: {
    reason: (f: FetchFailure): string => {
      switch (f.kind) {
        case 'http':
          return `the server answered HTTP ${f.status}.`;
        case 'network':
          return 'the server did not answer, or it does not let other sites read it (CORS).';
        case 'size':
          return `it is too large: ${f.size}, more than the ${f.limit} limit.`;
        case 'not-url':
          return `"${f.url}" is not a URL.`;
        case 'protocol':
          return `only http and https URLs can be opened, not ${f.protocol}`;
        case 'parse':
          return `Parsing failed: ${f.detail}`;
        case 'other':
          return f.message;
      }
    },
  },
  ko: {
    reason: (f: FetchFailure): string => {
      switch (f.kind) {
        case 'http':
          return `서버가 HTTP ${f.status} 상태로 응답했습니다.`;
        case 'network':
          return '서버가 응답하지 않았거나, 다른 사이트가 읽도록 허용하지 않습니다(CORS).';
        case 'size':
          return `너무 큽니다: ${f.size}로, 한도(${f.limit})를 넘습니다.`;
        case 'not-url':
          return `"${f.url}"은(는) URL이 아닙니다.`;
        case 'protocol':
          return `http와 https URL만 열 수 있습니다(${f.protocol} 불가).`;
        case 'parse':
          return `분석 중에 오류가 났습니다: ${f.detail}`;
        case 'other':
          return f.message;
      }
    },
  },
});
