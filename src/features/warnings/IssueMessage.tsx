import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { readIssue } from './issueText.ts';
import { warningText } from './messages.ts';

/**
 * A parse issue's message in the UI's language. Where it is shown translated, the parser's
 * English sentence stays at hand as the tooltip (to search for it or to report it); where it
 * could not be translated it is shown as it is, marked as English for screen readers.
 */
export function IssueMessage({ message }: { message: string }) {
  const t = useMessages(warningText);
  const issue = useMemo(() => readIssue(message), [message]);
  const shown = t.issue(issue);
  if (shown === message) {
    return (
      <span className="message" lang="en" data-issue={issue.code}>
        {message}
      </span>
    );
  }
  return (
    <span className="message" title={t.original(message)} data-issue={issue.code}>
      {shown}
    </span>
  );
}
