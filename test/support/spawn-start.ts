/** Runs a start command (`npm start`, `node dist/index.js`) in a folder, as a host would, for deployment tests. */

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';

export interface StartedCommand {
  readonly child: ChildProcess;
  /** JSON log lines printed so far (other output, such as npm's banner, is kept in `output()`). */
  readonly logs: Array<Record<string, unknown>>;
  output(): string;
  /** Resolves with the port once the bot logs "bot ready"; rejects if the command ends first. */
  ready(timeoutMs: number): Promise<number>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A minimal environment: no variables of the test run (or of a developer's shell) leak into the bot. */
export function hostEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp' };
  if (process.env['npm_config_cache']) env['npm_config_cache'] = process.env['npm_config_cache'];
  return { ...env, ...extra };
}

export function startCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
): StartedCommand {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Array<Record<string, unknown>> = [];
  let output = '';
  let pending = '';
  // The output is complete at 'close'; a process left behind holding the pipes would delay it forever, so at most 5 s
  // after 'exit' (the leftover is then found by processesIn).
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  ).then(async (result) => {
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
    return result;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
      newline = pending.indexOf('\n');
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return {
    child,
    logs,
    output: () => output,
    ready: (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const line = logs.find((entry) => entry['msg'] === 'bot ready');
          if (line) {
            clearInterval(poll);
            resolve(Number(line['port']));
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearInterval(poll);
            reject(new Error(`${command} ${args.join(' ')} ended before ready:\n${output}`));
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`${command} ${args.join(' ')} not ready after ${timeoutMs} ms:\n${output}`));
          }
        }, 50);
      }),
    exited: () => exit,
  };
}

/** Ids of the processes whose working folder is `dir` or inside it (Linux /proc). */
export function processesIn(dir: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) found.push(Number(name));
    } catch {
      // The process ended meanwhile, or is not ours to inspect.
    }
  }
  return found;
}
