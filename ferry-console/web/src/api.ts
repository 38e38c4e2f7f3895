// The console's API client: same-origin fetches; writes carry the X-Ferry-Console header the
// server requires (a cross-site page cannot set it). Live updates: one EventSource on
// /api/events; each page reloads what it shows when a change arrives (and every 10 s anyway,
// so a broken feed only slows the page down).
import { useCallback, useEffect, useRef, useState } from 'react';

export class ApiError extends Error {}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-Ferry-Console'] = '1';
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(parsed?.error ?? `${method} ${path}: HTTP ${response.status}`);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: (path: string) => request<void>('DELETE', path),
};

type Listener = () => void;
const listeners = new Set<Listener>();
let source: EventSource | undefined;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/events');
    source.addEventListener('change', () => listeners.forEach((l) => l()));
  }
  return () => listeners.delete(listener);
}

/** GETs `path` now, on every change the feed reports, and every 10 s; `reload` forces one. */
export function useResource<T>(path: string | undefined): { data?: T; error?: string; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const pending = useRef(false);
  const again = useRef(false);
  const load = useCallback(() => {
    if (!path) return;
    if (pending.current) {
      again.current = true;
      return;
    }
    pending.current = true;
    api
      .get<T>(path)
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => {
        pending.current = false;
        if (again.current) {
          again.current = false;
          setTimeout(load, 200);
        }
      });
  }, [path]);
  useEffect(() => {
    setData(undefined);
    load();
    const unsubscribe = subscribe(load);
    const timer = setInterval(load, 10000);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [load]);
  return { data, error, reload: load };
}

/** Copies text; where the clipboard is not available (e.g. no permission) the caller still shows it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
