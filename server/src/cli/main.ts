import { run } from './cli';

void run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}, process.env).then((code) => {
  process.exitCode = code;
});
