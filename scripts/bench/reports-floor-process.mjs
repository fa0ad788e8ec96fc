// Starts and stops the reports benchmark's HTTP floor (reports-floor.mjs) as a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./reports-floor.mjs', import.meta.url));

/** { base, stop() } once the floor listens on `databaseUrl`'s bench database. */
export function startFloor(databaseUrl) {
  const child = spawn(process.execPath, [entry, databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) resolve({ base: `http://127.0.0.1:${port}`, stop });
    });
    child.once('exit', (code) => reject(new Error(`the HTTP floor exited with ${code}`)));
  });
}
