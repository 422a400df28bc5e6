import { createParser } from 'eventsource-parser';

export interface StreamMessage {
  event: 'ready' | 'notification';
  unreadCount: number;
  /** The notification that arrived (`notification` only). */
  id?: string;
}

export interface NotificationStreamOptions {
  token: () => string | undefined;
  onMessage: (message: StreamMessage) => void;
  /** The gateway refused the token. */
  onUnauthenticated: () => void;
  /** Wait before reconnecting after the stream drops. */
  retryMs?: number;
}

/**
 * Listens to `/notifications/stream` (Server-Sent Events, same origin) until `stop` is called,
 * reconnecting when it drops. Read with fetch rather than EventSource, which cannot send the
 * bearer token. A 404 means the deployment has no notifications: it stops quietly.
 */
export function listenToNotifications(options: NotificationStreamOptions): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    });

  const connect = async () => {
    let retryMs = options.retryMs ?? 2_000;
    while (!signal.aborted) {
      const token = options.token();
      if (!token) return;
      try {
        const res = await fetch('/notifications/stream', {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal,
        });
        if (res.status === 401) return options.onUnauthenticated();
        if (res.status === 404) return;
        if (res.ok && res.body) {
          const parser = createParser({
            onEvent: ({ event, data }) => {
              if (event !== 'ready' && event !== 'notification') return;
              const body = JSON.parse(data) as { unreadCount: number; id?: string };
              options.onMessage({ event, ...body });
            },
            onRetry: (ms) => (retryMs = ms),
          });
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parser.feed(value);
          }
        }
      } catch {
        // Dropped or unreachable: try again after the pause, unless stopped.
      }
      await pause(retryMs);
    }
  };
  void connect();
  return () => controller.abort();
}
