import { useCallback, useEffect, useState } from 'react';
import { api, type ApiError, toApiError } from '../api';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again, keeping the current data on screen until the answer arrives. */
  reload: () => void;
  /** Replaces the data locally (after a mutation whose answer already carries the new state). */
  setData: (data: T) => void;
}

/**
 * GETs `path` and keeps the answer. A new path fetches again; an answer to an older path is
 * dropped. A null path waits (for a parameter that is not known yet).
 */
export function useApi<T>(path: string | null): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api
      .get<T>(path, { signal: controller.signal })
      .then((answer) => {
        if (!controller.signal.aborted) setData(answer);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(toApiError(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { data, error, loading, reload, setData };
}
