/** The server as a forked Node process, spoken to over its IPC channel (`--node-ipc`). */
import { fork } from 'node:child_process';
import { Connection } from './rpc';

export interface NodeServerOptions {
  /** path to the server's bundled module */
  module: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** where the server's stderr goes (it prints nothing there normally) */
  onStderr?: (text: string) => void;
}

export function startNodeServer(options: NodeServerOptions): Connection {
  const child = fork(options.module, ['--node-ipc'], {
    execArgv: options.execArgv ?? [],
    env: options.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  if (options.onStderr) child.stderr?.on('data', (d: Buffer) => options.onStderr!(d.toString()));
  child.on('error', () => {
    /* reported through 'exit' */
  });
  return new Connection({
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onClose: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
    kill: () => child.kill(),
  });
}
