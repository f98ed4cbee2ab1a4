import path from 'node:path';
import { build } from 'esbuild';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { UsageError } from '../cli/command-line';
import { answerErrors, MAX_BODY_SIZE, refuse, serveHttp } from '../http/http-server';
import { API, type ConsoleEvent } from './api';
import type { ConsoleSession } from './console-session';
import { ownHostNames, refusalOf } from './request-guard';
import { isJsonObject } from '../../lambda/src/is-object';

const PAGE_DIR = path.join(__dirname, 'page');

/**
 * Everything a response may load: the page's own script and style sheet, its own API. No inline script, no
 * other site, no frames: a page that shows stored data should not be framed by another site.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface ConsoleServer {
  url: string;
  /** Stops listening, closes the pages' event streams, lets a turn under way end, then closes the session. */
  close(): Promise<void>;
}

/**
 * The console's web server: the page (index.html, style.css, and its TypeScript built into one script with
 * esbuild when the server starts, so there is no build step to run), and the API of ./api.ts on top of the
 * session. Listens on `host:port` (0 picks a free port).
 */
export async function startConsoleServer(options: {
  session: ConsoleSession;
  host: string;
  port: number;
}): Promise<ConsoleServer> {
  const { session } = options;
  const script = await pageScript();
  /** The pages' event streams, which end when the console closes. */
  const streams = new Set<Response>();

  const app = express();
  const http = serveHttp(app);
  app.disable('x-powered-by');
  app.set('etag', false);
  let ownHosts = new Set<string>();
  app.use((request, response, next) => {
    // what a page asked for is answered before the console closes; its event stream is not an answer
    if (request.path !== API.events) http.answering(response);
    response.set({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    const refusal = refusalOf(request, ownHosts);
    if (refusal) refuse(response, 403, refusal);
    else next();
  });

  app.get('/', (_request, response) => response.sendFile(path.join(PAGE_DIR, 'index.html')));
  app.get('/style.css', (_request, response) => response.sendFile(path.join(PAGE_DIR, 'style.css')));
  app.get('/app.js', (_request, response) => response.type('text/javascript').send(script));

  app.get(API.events, (request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
    const send = (event: ConsoleEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
    // a page that lost the console tries again after a second
    response.write('retry: 1000\n\n');
    send({ type: 'state', state: session.state() });
    const unsubscribe = session.subscribe(send);
    streams.add(response);
    request.on('close', () => {
      unsubscribe();
      streams.delete(response);
    });
  });

  const json = express.json({ limit: MAX_BODY_SIZE });
  const post = (route: string, action: (body: Record<string, unknown>) => Promise<unknown>) =>
    app.post(route, json, answer(action));
  post(API.say, (body) => session.say(text(body.utterance, 'utterance')));
  post(API.caller, (body) =>
    session.switchCaller({
      locale: optionalText(body.locale, 'locale'),
      user: optionalText(body.user, 'user'),
      device: optionalText(body.device, 'device'),
    }),
  );
  post(API.endSession, () => session.endSession());
  app.delete(
    API.item,
    answer(() => session.deleteItem()),
  );
  app.get(API.replay, (_request, response) => {
    const { fileName, text: replay } = session.replayFile();
    response.attachment(fileName).type('application/json').send(replay);
  });
  post(API.replay, (body) => session.loadReplay(text(body.name, 'name'), text(body.text, 'text')));
  app.delete(
    API.replay,
    answer(() => session.closeReplay()),
  );
  post(API.replayStep, () => session.stepReplay());

  app.use((_request, response) => refuse(response, 404, 'Not found.'));
  app.use(answerErrors('its terminal'));

  const server = await http.listen(options.host, options.port);
  ownHosts = ownHostNames(options.host, server.port);
  return {
    url: server.url,
    async close() {
      for (const stream of streams) stream.end();
      await server.close();
      await session.close();
    },
  };
}

/** esbuild turns the page's TypeScript into one script, in memory, in some tens of milliseconds. */
async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Runs the action; what it returns (`{}` for nothing), or 400 with its message when it refused what was asked. */
function answer(action: (body: Record<string, unknown>) => Promise<unknown>): RequestHandler {
  return async (request: Request, response: Response) => {
    const body = isJsonObject(request.body) ? request.body : {};
    try {
      response.json((await action(body)) ?? {});
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      refuse(response, 400, error.message);
    }
  };
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new UsageError(`The request needs "${name}", as text.`);
  return value;
}

function optionalText(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : text(value, name);
}
