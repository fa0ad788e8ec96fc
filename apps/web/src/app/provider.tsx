import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { SessionSync } from '@/lib/auth';

class RootErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Unhandled UI error', error, info.componentStack);
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fl-fatal" role="alert">
        <h1>
          <Trans i18nKey="errors.crashTitle" />
        </h1>
        <p>
          <Trans i18nKey="errors.crashText" />
        </p>
        <button
          type="button"
          className="fl-button fl-button--primary fl-button--md"
          onClick={() => window.location.assign('/')}
        >
          <Trans i18nKey="errors.reload" />
        </button>
      </div>
    );
  }
}

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <RootErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <SessionSync />
        {children}
      </QueryClientProvider>
    </RootErrorBoundary>
  );
}
