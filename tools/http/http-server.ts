/**
 * What `npm run serve` and `npm run console` share under their routes: Node's HTTP server with short timeouts,
 * short JSON refusals, and a close that lets the answers under way finish.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ErrorRequestHandler, Express, Response } from 'express';

/** body-parser's default, kept: a request envelope or a replay file is a few KB, and this bounds what one costs. */
export const MAX_BODY_SIZE = '100kb';

/**
 * Alexa's requests and the console page's arrive within milliseconds, and Alexa waits 8 s for an answer. A
 * client whose headers are not in after HEADERS_TIMEOUT_MS, or whose body is not in after REQUEST_TIMEOUT_MS,
 * is slow or holding the connection on purpose (slowloris); it could not get an answer in time anyway, so it
 * gets 408 and its connection is closed. Node looks for such connections every TIMEOUT_CHECK_INTERVAL_MS; its
 * default of 30 s would let them stay far longer.
 */
const HEADERS_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 5_000;
const TIMEOUT_CHECK_INTERVAL_MS = 500;

/**
 * On close, the answers under way get this long to finish, which a turn on the local engine does in
 * milliseconds; then their connections are cut. Together with closing the store it stays inside the tools'
 * STOP_DEADLINE_MS.
 */
const CLOSE_GRACE_MS = 1_000;

export interface HttpServer {
  /** `http://host:port/`, with the host as given. */
  url: string;
  port: number;
  /**
   * Stops listening at once, closes idle and half-received connections, lets the answers under way finish for
   * up to CLOSE_GRACE_MS, then cuts every connection left.
   */
  close(): Promise<void>;
}

export interface HttpServing {
  /** Marks a request that was received in full and is being answered: `close()` lets its answer finish. */
  answering(response: ServerResponse): void;
  /** Serves the app on `host:port` (0 picks a free port) until `close()`. */
  listen(host: string, port: number): Promise<HttpServer>;
}

export function serveHttp(app: Express): HttpServing {
  const answering = new Set<ServerResponse>();
  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    app,
  );
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const busy = new Set([...answering].map((response) => response.socket));
    for (const socket of connections) if (!busy.has(socket)) socket.destroy();
    // an answer under way is the last thing its connection carries
    for (const response of answering) if (!response.headersSent) response.setHeader('connection', 'close');
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    await closed;
    clearTimeout(cut);
  }

  return {
    answering(response) {
      answering.add(response);
      response.once('close', () => answering.delete(response));
    },
    async listen(host, port) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      const listening = (server.address() as AddressInfo).port;
      return {
        url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}/`,
        port: listening,
        close,
      };
    },
  };
}

/** A short JSON answer that says what was wrong with the request, and nothing about the server. */
export function refuse(response: Response, status: number, error: string): void {
  if (!response.headersSent) response.status(status).json({ error });
}

/**
 * The app's last handler. body-parser's errors carry their HTTP status and get a refusal; any other error is a
 * bug, logged with its stack where `failureLog` says.
 */
export function answerErrors(failureLog: string): ErrorRequestHandler {
  return (error: { status?: unknown }, _request, response, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status === 413) refuse(response, 413, `The request is larger than ${MAX_BODY_SIZE}.`);
    else if (status >= 400 && status < 500) refuse(response, status, 'The request body could not be read.');
    else {
      console.error(error);
      refuse(response, 500, `This request failed; ${failureLog} says why.`);
    }
  };
}
