/**
 * The baseline for `bench/echo-compare.ts`: a bare botbuilder + restify echo bot (the BotBuilder sample's wiring),
 * built from this project's node_modules. Plain JavaScript run by plain node, like the compiled bot it is
 * compared with.
 * Usage: PORT=... node bench/echo-bot.mjs
 */

import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
// Same probe path as the bot, so one readiness helper waits for both.
server.get('/readyz', async (_req, res) => {
  res.json({ ready: true });
});
server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1');
