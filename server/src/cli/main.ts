import { run } from './cli';

// output piped into a reader that stops early (`| head`): nothing more to say, exit quietly
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}, process.env).then((code) => {
  process.exitCode = code;
});
