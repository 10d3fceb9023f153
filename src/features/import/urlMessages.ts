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
          return `it is too large: ${f.detail}.`;
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
          return `너무 큽니다: ${f.detail}.`;
        case 'other':
          return f.message;
      }
    },
  },
});
