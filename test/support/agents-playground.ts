/** Starts `npm run playground` (the bot plus the Microsoft 365 Agents Playground) as a terminal would, for tests. */

import { spawn, type ChildProcess } from 'node:child_process';

import { ROOT } from './start-test-app.js';

export interface RunningPlayground {
  readonly child: ChildProcess;
  /** The Agents Playground UI, e.g. http://127.0.0.1:56150 */
  readonly url: string;
  /** The bot's messaging endpoint the playground talks to. */
  readonly botEndpoint: string;
  /** Everything the command printed so far. */
  output(): string;
  /** Presses Ctrl-C (SIGINT to the whole process group, as a terminal does); resolves true once both stopped. */
  stop(): Promise<boolean>;
}

/**
 * Runs `npm run playground` on free ports in its own process group; resolves once both URLs are printed. `env` is
 * passed to the bot as well: e.g. L2_CHANNEL_ID (default: the General channel of the emulator's team, see
 * .m365agentsplayground.yml; '' for none) and L2_LANGUAGE.
 */
export function startPlayground(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningPlayground> {
  const child = spawn('npm', ['run', '--silent', 'playground'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: '0',
      PLAYGROUND_PORT: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const STOPPED = 'Stopped the bot and the Agents Playground.';
  const stop = async (): Promise<boolean> => {
    if (child.pid !== undefined && !output.includes(STOPPED)) {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // the group is already gone
      }
    }
    // npm itself dies of the SIGINT at once; the script it started reports when both children have stopped.
    for (let waited = 0; waited < 20_000 && !output.includes(STOPPED); waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return output.includes(STOPPED);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm run playground printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = (): void => {
      const url = /Agents Playground \(Teams emulator\): (http:\/\/\S+)/u.exec(output)?.[1];
      const botEndpoint = /Bot \(authentication off, loopback only\): (http:\/\/\S+)/u.exec(output)?.[1];
      if (url && botEndpoint) {
        clearTimeout(timer);
        resolve({ child, url, botEndpoint, output: () => output, stop });
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm run playground exited with ${String(code)} before printing its URL:\n${output}`));
    });
  });
}
