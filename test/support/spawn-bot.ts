/** Runs the real entry point (src/index.ts) as a child process, for start-up and signal tests. */

import { spawn, type ChildProcess } from 'node:child_process';

import { ROOT } from './start-test-app.js';

export interface BotProcess {
  readonly child: ChildProcess;
  /** Parsed JSON log lines from stdout so far. */
  readonly logs: Array<Record<string, unknown>>;
  stderr(): string;
  /**
   * Resolves with the port once the bot logs "bot ready" (rejects if it exits first; 20 s by default, for loaded CI
   * machines).
   */
  ready(timeoutMs?: number): Promise<number>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
}

/** Starts `node --import tsx src/index.ts` with `env` added to a minimal environment. */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', STORAGE: 'memory', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stdoutBuffer = '';
  let stderr = '';
  // 'close' comes after 'exit' once stdout and stderr are read to the end, so stderr() is complete when exited()
  // resolves.
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const readyWaiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBuffer += chunk.toString('utf8');
    let newline = stdoutBuffer.indexOf('\n');
    while (newline >= 0) {
      const line = stdoutBuffer.slice(0, newline);
      stdoutBuffer = stdoutBuffer.slice(newline + 1);
      if (line.trim().startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
      newline = stdoutBuffer.indexOf('\n');
    }
    for (const wake of readyWaiters) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });

  return {
    child,
    logs,
    stderr: () => stderr,
    ready: (timeoutMs = 20000) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bot not ready after ${timeoutMs} ms: ${stderr}`)), timeoutMs);
        const check = (): void => {
          const line = logs.find((entry) => entry['msg'] === 'bot ready');
          if (line) {
            clearTimeout(timer);
            resolve(Number(line['port']));
          }
        };
        readyWaiters.push(check);
        void exit.then((code) => {
          clearTimeout(timer);
          reject(new Error(`bot exited with ${String(code)} before ready: ${stderr}`));
        });
        check();
      }),
    exited: () => exit,
  };
}
