import { useCallback, useRef } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * Building blocks of the features' `queries.ts`: each feature names what changed ("the comments of
 * this idea changed") in a hook, and the hook owns which cached queries that makes stale. Components
 * call the hook's function after a command; they never invalidate by hand.
 */

/**
 * A function marking the given queries (prefix keys) stale; it resolves once they have refetched.
 * The function is stable across renders (safe in an effect's dependencies); it reads the latest keys.
 */
export function useInvalidate(keys: () => readonly QueryKey[]): () => Promise<void> {
  const queryClient = useQueryClient();
  const latest = useRef(keys);
  latest.current = keys;
  return useCallback(async () => {
    await Promise.all(latest.current().map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  }, [queryClient]);
}

/**
 * A function marking stale every cached variant of the given operations (whatever their path or
 * query), by the generated client's operation id.
 */
export function useInvalidateOperations(operationIds: readonly string[]): () => Promise<void> {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => operationIds.includes((q.queryKey[0] as { _id?: string } | undefined)?._id ?? ''),
    });
}

/** A function putting a command's answer in the cache under `key` (no refetch needed). */
export function useSetQueryData<T>(): (key: QueryKey, data: T) => void {
  const queryClient = useQueryClient();
  return (key, data) => {
    queryClient.setQueryData(key, data);
  };
}

/**
 * For a command that answers the entity as it now is: a function caching the answer under its key (no
 * refetch; `key` may depend on the answer), then refreshing what shows it elsewhere.
 */
export function useCacheAnswer<T>(
  key: QueryKey | ((answer: T) => QueryKey),
  refresh: () => Promise<void>,
): (answer: T) => void {
  const queryClient = useQueryClient();
  return (answer) => {
    queryClient.setQueryData(typeof key === 'function' ? key(answer) : key, answer);
    void refresh();
  };
}
