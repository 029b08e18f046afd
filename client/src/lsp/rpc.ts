/**
 * JSON-RPC 2.0 with the language server over a message channel that carries
 * objects: Node's IPC channel to a forked server (`nodeTransport.ts`) or a web
 * worker (`workerTransport.ts`). Knows nothing of VS Code, so it is tested with
 * plain Node against the real server bundles.
 */

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: RpcError;
}

export type RequestHandler = (params: unknown) => unknown;
export type NotificationHandler = (params: unknown) => void;
export type Trace = (direction: 'send' | 'receive', message: Message) => void;

/** The JSON-RPC error codes used here. */
export const ErrorCodes = {
  MethodNotFound: -32601,
  InternalError: -32603,
  RequestCancelled: -32800,
  /** the connection closed before the answer came */
  ConnectionClosed: -32099,
} as const;

export class ResponseError extends Error {
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
  }
}

/** A cancellation signal: VS Code's CancellationToken has this shape. */
export interface CancelToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** A channel of JSON-RPC messages (as objects) to a running server. */
export interface Transport {
  send(message: object): void;
  onMessage(listener: (message: unknown) => void): void;
  /** the server went away (exited, crashed, was terminated) */
  onClose(listener: (code: number | null, signal: string | null) => void): void;
  /** ends the server at once */
  kill(): void;
  /** the server cannot end itself after `exit` (a web worker): end it once `exit` is sent */
  endAfterExit?: boolean;
}

export class Connection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly requestHandlers = new Map<string, RequestHandler>();
  private readonly notificationHandlers = new Map<string, NotificationHandler>();
  private closed = false;
  private readonly exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  trace: Trace | undefined;

  constructor(private readonly transport: Transport) {
    transport.onMessage((m) => this.receive(m as Message));
    transport.onClose((code, signal) => {
      if (this.closed) return;
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new ResponseError(ErrorCodes.ConnectionClosed, 'the language server stopped'));
      this.pending.clear();
      for (const l of this.exitListeners) l(code, signal);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onExit(listener: (code: number | null, signal: string | null) => void): void {
    this.exitListeners.push(listener);
  }

  onRequest(method: string, handler: RequestHandler): void {
    this.requestHandlers.set(method, handler);
  }

  onNotification(method: string, handler: NotificationHandler): void {
    this.notificationHandlers.set(method, handler);
  }

  private send(message: Message): void {
    if (this.closed) return;
    this.trace?.('send', message);
    try {
      this.transport.send(message);
    } catch {
      // the channel closed under us: onClose follows
    }
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Sends a request. When `token` is cancelled, the server is told ($/cancelRequest)
   * and the promise resolves to undefined: a cancelled request is not an error.
   */
  request<R>(method: string, params?: unknown, token?: CancelToken): Promise<R | undefined> {
    if (this.closed) return Promise.reject(new ResponseError(ErrorCodes.ConnectionClosed, 'the language server is not running'));
    const id = this.nextId++;
    return new Promise<R | undefined>((resolve, reject) => {
      let subscription: { dispose(): void } | undefined;
      const done = () => {
        this.pending.delete(id);
        subscription?.dispose();
      };
      this.pending.set(id, {
        resolve: (v) => {
          done();
          resolve(v as R);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      if (token) {
        if (token.isCancellationRequested) {
          this.pending.delete(id);
          resolve(undefined);
          return;
        }
        subscription = token.onCancellationRequested(() => {
          if (!this.pending.has(id)) return;
          done();
          this.notify('$/cancelRequest', { id });
          resolve(undefined);
        });
      }
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  private receive(message: Message): void {
    this.trace?.('receive', message);
    if (message.method !== undefined) {
      if (message.id !== undefined && message.id !== null) void this.answer(message.id, message.method, message.params);
      else this.notificationHandlers.get(message.method)?.(message.params);
      return;
    }
    if (typeof message.id !== 'number') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return; // cancelled meanwhile
    if (message.error) waiting.reject(new ResponseError(message.error.code, message.error.message, message.error.data));
    else waiting.resolve(message.result ?? null);
  }

  private async answer(id: number | string, method: string, params: unknown): Promise<void> {
    const handler = this.requestHandlers.get(method);
    if (!handler) {
      this.send({ jsonrpc: '2.0', id, error: { code: ErrorCodes.MethodNotFound, message: `unhandled method ${method}` } });
      return;
    }
    try {
      const result = await handler(params);
      this.send({ jsonrpc: '2.0', id, result: result ?? null });
    } catch (e) {
      this.send({ jsonrpc: '2.0', id, error: { code: ErrorCodes.InternalError, message: e instanceof Error ? e.message : String(e) } });
    }
  }

  /** Asks the server to shut down and exit; kills it if it has not after `timeoutMs`. */
  async stop(timeoutMs = 2000): Promise<void> {
    if (this.closed) return;
    const exited = new Promise<void>((resolve) => this.onExit(() => resolve()));
    let handle: ReturnType<typeof setTimeout> | undefined;
    const timer = new Promise<'timeout'>((resolve) => (handle = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      await Promise.race([this.request('shutdown'), timer]);
    } catch {
      // already gone
    }
    this.notify('exit');
    if (this.transport.endAfterExit) this.transport.kill();
    else if ((await Promise.race([exited, timer])) === 'timeout' && !this.closed) this.transport.kill();
    clearTimeout(handle);
  }

  /** Ends the server at once (it crashed or hangs). */
  kill(): void {
    if (!this.closed) this.transport.kill();
  }
}
