import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/api-error';
import { App } from './app/App';
import './app/styles.css';

// A refusal (signed out, or a role that may not see it) will not change on a second try.
const retryOnce = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiError && error.kind !== 'failed');

// One place for query defaults: figures change only when a load lands, so a minute is fresh enough.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: retryOnce, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
