import { Component, type ReactNode } from 'react';

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
    return (
      <div role="alert" className="alert">
        <strong>Could not show {this.props.what}.</strong> {error.message}
      </div>
    );
  }
}
