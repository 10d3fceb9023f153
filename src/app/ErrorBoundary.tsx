import { Component, type ReactNode } from 'react';
import { useMessages } from '../i18n/index.ts';
import { appText } from './messages.ts';

interface Props {
  /** What failed, for the message: e.g. the fixture title. */
  what: string;
  children: ReactNode;
}

/** Shows a failure to load or read a capture as an alert instead of a blank page. */
export class ErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Failure what={this.props.what} error={error} />;
  }
}

/** The failure's text, in the UI language (a class cannot use the hook). */
function Failure({ what, error }: { what: string; error: Error }) {
  const t = useMessages(appText);
  return (
    <div role="alert" className="alert">
      <strong>{t.couldNotShow(what)}</strong> {error.message}
    </div>
  );
}
