/**
 * The floor for bot turns: a bare botbuilder bot (CloudAdapter on restify,
 * the same body parsing as Polku's server, no storage) that answers a message
 * by sending it back through the connector and a card click with a one-line
 * card. Same activities, same connector stand-in and same load generator as
 * Polku, so the ratio between the two is what Polku's own work costs.
 * Run by bench/botTurns.bench.ts: `PORT=3999 npx tsx bench/echoBot.ts`.
 */
import {
  type AdaptiveCardInvokeResponse,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import restify, { type Request, type Response } from 'restify';

class EchoBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(_context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] },
    };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 262_144, mapParams: false, mapFiles: false }));
server.post('/api/messages', async (req: Request, res: Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req: Request, res: Response) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
