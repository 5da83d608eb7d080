/** Process entry: reads the environment, starts the bot, and shuts it down gracefully on SIGTERM/SIGINT. */

import { fileURLToPath } from 'node:url';

import { createApp } from './app.js';
import { loadEnvWithFile } from './config/env-file.js';
import { ConfigError, readConfig, type Config } from './config/read-config.js';
import { createLogger } from './log/create-logger.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function readConfigOrExit(): Config {
  try {
    return readConfig(loadEnvWithFile(process.env, '.env'));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** What to do about an address the server cannot listen on, by error code: one line that names the setting. */
const LISTEN_PROBLEMS: Readonly<Record<string, (port: number, host: string) => string>> = {
  EADDRINUSE: (port, host) =>
    `http: port ${port} on ${host} is already in use; stop the program using it, or set PORT to a free port (PORT=0 picks one)`,
  EACCES: (port) => `http: no permission to listen on port ${port}; set PORT to 1024 or above`,
  EADDRNOTAVAIL: (_port, host) =>
    `http: HOST ${host} is not an address of this machine; set HOST to one of its addresses, or 0.0.0.0 for all`,
};

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });

  let app;
  try {
    // The build's start cache sits next to the compiled entry point (dist/start-cache.json).
    const startCache = fileURLToPath(new URL('start-cache.json', import.meta.url));
    app = await createApp(config, logger, {
      cardsDir: `${ROOT}cards`,
      knowledgeDir: config.knowledgeDir || `${ROOT}knowledge`,
      startCache,
    });
  } catch (error) {
    // Start-up errors are component-prefixed and list every problem; nothing else is worth printing.
    logger.fatal({ err: error }, 'start-up failed');
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }

  let address;
  try {
    address = await app.listen();
  } catch (error) {
    const problem = LISTEN_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
    if (problem === undefined) throw error;
    process.stderr.write(`${problem(config.port, config.host)}\n`);
    process.exit(1);
  }
  if (config.unauthenticatedInProduction) {
    logger.error(
      { host: address.address, allowedServiceUrls: config.allowedServiceUrls },
      '!!! NODE_ENV=production with ALLOW_UNAUTHENTICATED=true: inbound authentication is OFF in production. Anyone who can reach this port can talk to the bot. !!!',
    );
  } else if (config.authDisabled) {
    logger.warn(
      '!!! MicrosoftAppId is empty: inbound authentication is OFF. Anyone who can reach this port can talk to the bot. Local development only. !!!',
    );
  }
  logger.info(
    { port: address.port, host: address.address, node: process.version, startupMs: Math.round(performance.now()) },
    'bot ready',
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new activities accepted');
    void app.shutdown().then((clean) => {
      logger.info({ clean }, 'shutdown complete');
      logger.flush();
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
