import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createTicketStore } from '../../src/escalation/ticket-store.js';
import { openFileStore } from '../../src/storage/file-store.js';
import { ROOT } from '../support/start-test-app.js';

/** Runs the writer until it is killed with SIGKILL after `killAfterMs`; returns the ticket ids it acknowledged. */
function runAndKill(dir: string, round: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/storage/crash-writer.ts'), dir, String(round)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Count the kill delay from the first acknowledged write, so every round kills mid-stream.
      if (!started && output.includes('ack ')) {
        started = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.once('exit', () => resolve([...output.matchAll(/^ack (\S+)$/gmu)].map((match) => match[1] ?? '')));
  });
}

describe('file storage under SIGKILL', () => {
  it('keeps every acknowledged write and never leaves a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-'));
    const acknowledged: string[] = [];
    // Several rounds, each killed at a different point of its write loop.
    for (const [round, delay] of [37, 151, 263, 89, 211].entries())
      acknowledged.push(...(await runAndKill(dir, round, delay)));
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);

    const tickets = createTicketStore(await openFileStore(dir));
    for (const id of acknowledged) expect((await tickets.get(id))?.id, id).toBe(id);
    const indexed = await tickets.list();
    for (const id of acknowledged) expect(indexed, id).toContain(id);
    // Every data file parses; the temporary files of killed writes were cleaned when the store opened again.
    const files = readdirSync(dir);
    expect(files.filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    for (const name of files)
      expect((): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8')), name).not.toThrow();
  }, 120_000);
});
