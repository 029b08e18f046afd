/** The language server in Node (desktop VS Code, code-server): connection from the command line (--node-ipc, --stdio). */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './core';
import { nodeHost } from './nodeHost';
import { useNodeUtf8 } from '../files/nodeUtf8';

useNodeUtf8();

const connection = createConnection(ProposedFeatures.all);
startServer(connection, nodeHost((message) => connection.console.error(message)));
