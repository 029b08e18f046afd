import { isMainThread, workerData } from 'node:worker_threads';
import { run } from './cli';
import { serveWorker } from './worker';
import { useNodeUtf8 } from '../files/nodeUtf8';

// reports' UTF-8 read natively, in this thread and in each worker
useNodeUtf8();

if (!isMainThread && (workerData as { govReportWorker?: boolean } | undefined)?.govReportWorker) serveWorker();
else {
  // output piped into a reader that stops early (`| head`): nothing more to say, exit quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

  // a progress line on a terminal only (not when stderr is piped, not in CI)
  const progress = process.stderr.isTTY && !process.env.CI ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;

  void run(
    process.argv.slice(2),
    {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(progress ? `\r\x1b[K${s}` : s),
      ...(progress ? { progress } : {}),
      workerScript: __filename,
    },
    process.env,
  ).then((code) => {
    process.exitCode = code;
  });
}
