import type { ParseProgress } from '../../api/types.ts';
import { defineMessages, plural } from '../../i18n/index.ts';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export const importText = defineMessages({
  en: {
    open: 'Open capture…',
    title: 'Open your own capture',
    close: 'Close',
    chooseFiles: 'Choose files…',
    chooseFolder: 'Choose a folder…',
    dropHint: 'or drop files or a folder anywhere on the page.',
    whatToPaste:
      'Files or a folder of command outputs from one node: lsns, ls -l /proc/PID/ns, ps, ip addr, crictl, podman or docker inspect, an nsviz snapshot — or a whole terminal session.',
    pasteLabel: 'Paste a terminal transcript or command output',
    submit: 'Show pasted text',
    dropOverlay: 'Drop files or a folder to open them',
    failed: 'Nothing could be read from this input; the shown capture is unchanged.',
    partial: 'Shown, but parts of the input could not be read:',
    seeDrawing: 'See the drawing',
    errorTitle: 'The input could not be parsed',
    more: (n: number) => `… and ${n} more`,
    where: (source: string, line: number | undefined) =>
      line === undefined ? source : `${source}, line ${line}`,
    lineLabel: (line: number | undefined) => (line === undefined ? 'failing line' : `line ${line}`),
    input: 'input',
    nothingFound: 'nothing nsviz reads was found',
    progressLabel: 'Parse progress',
    starting: 'Starting…',
    progress: (p: ParseProgress): string => {
      switch (p.phase) {
        case 'fetching':
          return `Downloading: ${mb(p.loaded)}${p.total !== undefined ? ` of ${mb(p.total)}` : ''}`;
        case 'reading':
          return `Reading input ${p.index} of ${p.total}: ${p.name}`;
        case 'parsing':
          return `Parsing input ${p.index} of ${p.total}: ${p.name}`;
        case 'classifying':
          return 'Classifying namespaces';
        case 'done':
          return 'Done';
      }
    },
    // The shown source (ImportedSource).
    pasted: 'Pasted text',
    yourFiles: (n: number) => `Your files (${n})`,
    readFrom: (names: string) => `Read from ${names}: `,
    counts: (pods: number, ctrs: number, procs: number, nss: number) =>
      [
        plural(pods, 'pod'),
        plural(ctrs, 'container'),
        plural(procs, 'process', 'processes'),
        plural(nss, 'namespace'),
      ].join(' · '),
    goneAfterReload: (paste: boolean): string =>
      paste
        ? 'Pasted text is kept in this tab only, and a reload has lost it.'
        : 'Opened files are kept in this tab only, and a reload has lost them.',
    openAgain: 'Open them again',
    parsing: 'Parsing…',
    // `#src=<url>`.
    urlFailed: 'Could not open this URL',
    urlEmpty: 'This URL has nothing nsviz can read',
    urlHelp:
      'nsviz fetches the URL from your browser: the server must answer over http or https and allow other sites to read it (CORS). It may hold an nsviz snapshot or any capture the file picker takes.',
    retry: 'Try again',
    showGallery: 'Choose a bundled capture',
    openOwn: 'Open your own capture…',
    reason: 'Reason',
  },
  ko: {
    open: '캡처 열기…',
    title: '내 캡처 열기',
    close: '닫기',
    chooseFiles: '파일 선택…',
    chooseFolder: '폴더 선택…',
    dropHint: '또는 페이지 어디에나 파일이나 폴더를 끌어다 놓으세요.',
    whatToPaste:
      '한 노드에서 얻은 명령 출력 파일이나 폴더: lsns, ls -l /proc/PID/ns, ps, ip addr, crictl, podman·docker inspect, nsviz 스냅샷, 또는 터미널 세션 전체.',
    pasteLabel: '터미널 기록이나 명령 출력을 붙여 넣으세요',
    submit: '붙여 넣은 내용 보기',
    dropOverlay: '여기에 놓으면 파일이나 폴더를 엽니다',
    failed: '이 입력에서 읽을 수 있는 내용이 없습니다. 지금 보이는 캡처는 그대로입니다.',
    partial: '표시했지만 입력의 일부를 읽지 못했습니다:',
    seeDrawing: '그림 보기',
    errorTitle: '입력을 분석하지 못했습니다',
    more: (n: number) => `… 외 ${n}개`,
    where: (source: string, line: number | undefined) =>
      line === undefined ? source : `${source}, ${line}번째 줄`,
    lineLabel: (line: number | undefined) =>
      line === undefined ? '문제가 된 줄' : `${line}번째 줄`,
    input: '입력',
    nothingFound: 'nsviz가 읽을 수 있는 내용을 찾지 못했습니다',
    progressLabel: '분석 진행률',
    starting: '시작하는 중…',
    progress: (p: ParseProgress): string => {
      switch (p.phase) {
        case 'fetching':
          return `내려받는 중: ${mb(p.loaded)}${p.total !== undefined ? ` / ${mb(p.total)}` : ''}`;
        case 'reading':
          return `입력 ${p.total}개 중 ${p.index}번째 읽는 중: ${p.name}`;
        case 'parsing':
          return `입력 ${p.total}개 중 ${p.index}번째 분석 중: ${p.name}`;
        case 'classifying':
          return '네임스페이스 분류 중';
        case 'done':
          return '완료';
      }
    },
    pasted: '붙여 넣은 내용',
    yourFiles: (n: number) => `내 파일 (${n}개)`,
    readFrom: (names: string) => `${names}에서 읽음: `,
    counts: (pods: number, ctrs: number, procs: number, nss: number) =>
      `파드 ${pods}개 · 컨테이너 ${ctrs}개 · 프로세스 ${procs}개 · 네임스페이스 ${nss}개`,
    goneAfterReload: (paste: boolean): string =>
      `${paste ? '붙여 넣은 내용은' : '연 파일은'} 이 탭에만 보관되어 새로 고침하면 사라집니다.`,
    openAgain: '다시 열기',
    parsing: '분석 중…',
    urlFailed: '이 URL을 열 수 없습니다',
    urlEmpty: '이 URL에는 nsviz가 읽을 수 있는 내용이 없습니다',
    urlHelp:
      'nsviz는 브라우저에서 URL을 직접 가져옵니다. 서버가 http나 https로 응답하고 다른 사이트의 읽기를 허용(CORS)해야 합니다. 내용은 nsviz 스냅샷이나 파일 선택으로 열 수 있는 캡처면 됩니다.',
    retry: '다시 시도',
    showGallery: '내장 캡처 고르기',
    openOwn: '내 캡처 열기…',
    reason: '이유',
  },
});
