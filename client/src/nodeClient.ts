/**
 * The extension in Node's extension host, once its server is forked (`extension.ts`): the language
 * client (vscode-languageclient) over the forked process's IPC channel. A server that crashes is
 * forked again when the client restarts it.
 */
import type { ChildProcess } from 'node:child_process';
import type * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter, LanguageClient, MessageTransports } from 'vscode-languageclient/node';
import { activateWith, deactivate } from './activate';

export { deactivate };

/** Activates the extension with `first`, the server forked already; `fork` forks another one. */
export function activateNode(context: vscode.ExtensionContext, first: ChildProcess, fork: () => ChildProcess, forked: (child: ChildProcess) => void): Promise<void> {
  let booting: ChildProcess | undefined = first;
  return activateWith(context, (name, options) => {
    let client: LanguageClient | undefined = undefined;
    const transports = async (): Promise<MessageTransports> => {
      const child = booting ?? fork();
      booting = undefined;
      forked(child);
      // what the server writes to stderr goes to the client's output channel
      child.stderr?.on('data', (data: Buffer) => client?.outputChannel.append(data.toString('utf8')));
      return { reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) };
    };
    client = new LanguageClient('govReport', name, transports, options);
    return client;
  });
}
