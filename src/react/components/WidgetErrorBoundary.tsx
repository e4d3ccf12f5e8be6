import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './LoadState.tsx';

/** The props of `<WidgetErrorBoundary>`: the words of its error state, in the widget's locale. */
export interface WidgetErrorBoundaryProps {
  title: string;
  hint: string;
  retryLabel: string;
  /** Told about every error caught (the embed reports it as `madeto-error`). */
  onError?: ((error: Error) => void) | undefined;
  children: ReactNode;
}

/**
 * Catches an error thrown while the widget renders (a bug, an unreadable state), so the host's
 * page keeps working: the widget's box says what happened and offers Retry, which renders the
 * widget afresh (from its props and the link in the URL).
 */
export class WidgetErrorBoundary extends Component<
  WidgetErrorBoundaryProps,
  { error: Error | undefined; attempt: number }
> {
  override state = { error: undefined as Error | undefined, attempt: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo) {
    this.props.onError?.(error);
  }

  override render() {
    const { error, attempt } = this.state;
    if (error)
      return (
        <ErrorState
          title={this.props.title}
          message={`${this.props.hint} (${error.message})`}
          retryLabel={this.props.retryLabel}
          onRetry={() => this.setState({ error: undefined, attempt: attempt + 1 })}
        />
      );
    return <WidgetAttempt key={attempt}>{this.props.children}</WidgetAttempt>;
  }
}

function WidgetAttempt({ children }: { children: ReactNode }) {
  return children;
}
