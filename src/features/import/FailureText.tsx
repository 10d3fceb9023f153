import { useMessages } from '../../i18n/index.ts';
import { fetchFailure } from './fetchFailure.ts';
import { urlText } from './urlMessages.ts';

/**
 * A fetch or parse error in the UI's language (fetchFailure); an error it does not know is
 * shown as it is, marked as English.
 */
export function FailureText({ message, url }: { message: string; url?: string }) {
  const u = useMessages(urlText);
  const failure = fetchFailure(message, url);
  return (
    <span data-failure={failure.kind} lang={failure.kind === 'other' ? 'en' : undefined}>
      {u.reason(failure)}
    </span>
  );
}
