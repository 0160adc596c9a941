import './i18n/i18n';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import '@eclore/web-ui';
import './layout-stability.css';
import { AppRoutes, preloadPagesOf } from './app/router';
import { sessionOf, sessionQueryOptions } from './session/session';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } },
});

// Asked before React's first render rather than from it: every screen waits for the session, and
// the shell's header and navigation change shape when it arrives.
const signedIn = queryClient.fetchQuery(sessionQueryOptions()).then(
  (data) => sessionOf(data) !== null,
  () => false,
);
// The page's chunk in parallel with the session, and its data as soon as the session is known.
preloadPagesOf(window.location, queryClient, signedIn);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = createRoot(container);
// The first render as a transition: React yields to the browser every few milliseconds instead of
// building the whole shell in one long task (Lighthouse's blocking time on a phone's CPU, issue 12).
startTransition(() =>
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
