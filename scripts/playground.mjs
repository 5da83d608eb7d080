// `npm run playground`: the bot (authentication off, loopback only, memory storage unless STORAGE is set) and the
// Microsoft 365 Agents Playground, the Teams emulator, connected to it. Prints the URL to open; Ctrl-C stops both.
//
// Environment: PORT (bot, default 3978; 0 picks a free port), PLAYGROUND_PORT (default 56150; the playground
// picks a free one when it is taken), PLAYGROUND_BROWSER=none|default (open a browser; default none), L2_CHANNEL_ID
// (default: the General channel of the emulator's team in .m365agentsplayground.yml; empty: no L2 channel).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLAYGROUND_CLI = join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
const READY_TIMEOUT_MS = 60_000;
// The emulator's team, channels, chats and users, with Teams-shaped ids (the defaults, "team-id" and AAD ids that are
// not GUIDs, are refused by the bot's configuration checks).
const EMULATOR_CONFIG = join(ROOT, '.m365agentsplayground.yml');
// The playground writes a log file (by default into ./devTools); it goes to the temp folder and away on exit.
const PLAYGROUND_LOG = join(tmpdir(), `m365agentsplayground-${process.pid}.log`);

/** Resolves with a free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200 (the bot's readiness probe), rejects after the timeout or when `child` exits. */
async function waitUntilReady(url, child) {
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`the bot exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the bot was not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

const children = [];
let stopping = false;

/** Stops both processes (SIGTERM, then SIGKILL after 10 s) and exits with `code`. */
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(PLAYGROUND_LOG, { force: true });
  console.log('Stopped the bot and the Agents Playground.');
  process.exit(code);
}

/**
 * One process ended: Ctrl-C reaches the whole process group, so a child may see it first; anything else is a failure.
 */
function onChildExit(name, code, signal) {
  if (stopping) return;
  if (signal === 'SIGINT' || signal === 'SIGTERM' || code === 0) return void stopAll(0);
  console.error(`${name} stopped (exit code ${code}); stopping the other one.`);
  void stopAll(1);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** The emulator team's General channel (its id is the team id): the L2 channel unless L2_CHANNEL_ID says otherwise. */
function emulatorGeneralChannel() {
  const config = parse(readFileSync(EMULATOR_CONFIG, 'utf8'));
  const id = config?.team?.id;
  if (typeof id !== 'string' || !id.startsWith('19:'))
    throw new Error(`${EMULATOR_CONFIG}: team.id must be a Teams channel id (19:...)`);
  return id;
}

async function main() {
  const general = emulatorGeneralChannel();
  const l2ChannelId = process.env.L2_CHANNEL_ID ?? general;
  const botPort =
    process.env.PORT === undefined || process.env.PORT === '' ? 3978 : Number(process.env.PORT) || (await freePort());
  const bot = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'src/index.ts'], {
    cwd: ROOT,
    // Authentication off and loopback only: the playground sends no tokens, and nothing else may reach this bot.
    env: {
      ...process.env,
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
      HOST: '127.0.0.1',
      PORT: String(botPort),
      STORAGE: process.env.STORAGE || 'memory',
      L2_CHANNEL_ID: l2ChannelId,
      LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(bot);
  bot.once('exit', (code, signal) => onChildExit('The bot', code, signal));
  const endpoint = `http://127.0.0.1:${botPort}/api/messages`;
  await waitUntilReady(`http://127.0.0.1:${botPort}/readyz`, bot);

  const playground = spawn(
    process.execPath,
    [
      '--require',
      join(ROOT, 'scripts/loopback-only.cjs'),
      PLAYGROUND_CLI,
      '-e',
      endpoint,
      '-c',
      'msteams',
      '-p',
      process.env.PLAYGROUND_PORT || '56150',
      '--disable-telemetry',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: process.env.PLAYGROUND_BROWSER === 'default' ? '' : 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: PLAYGROUND_LOG,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: EMULATOR_CONFIG,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(playground);
  playground.once('exit', (code, signal) => onChildExit('The Agents Playground', code, signal));
  let announced = false;
  let buffered = '';
  playground.stdout.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    const listening = /Listening on (\d+)/u.exec(buffered);
    if (listening && !announced) {
      announced = true;
      console.log('');
      console.log(`Bot (authentication off, loopback only): ${endpoint}`);
      console.log(`Agents Playground (Teams emulator): http://127.0.0.1:${listening[1]}`);
      console.log(
        l2ChannelId === ''
          ? 'L2 channel: none (tickets are stored only).'
          : `L2 channel: ${l2ChannelId === general ? 'General of the emulator team' : 'as L2_CHANNEL_ID'} (${l2ChannelId}); ticket cards are posted there.`,
      );
      console.log('Open the Agents Playground URL in a browser. Ctrl-C stops both.');
      console.log('');
    }
    if (buffered.length > 10_000) buffered = buffered.slice(-1000);
  });
}

main().catch((error) => {
  console.error(`npm run playground: ${error.message}`);
  void stopAll(1);
});
