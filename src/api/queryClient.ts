import { QueryClient } from '@tanstack/react-query';

/**
 * The app's QueryClient. Sources are parsed once and kept (`staleTime: Infinity` in the
 * factories); refetching a capture because the window regained focus would only re-parse it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false, refetchOnReconnect: false } },
  });
}

export const queryClient = createQueryClient();
