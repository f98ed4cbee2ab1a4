import { expect } from 'chai';
import express from 'express';
import { answerErrors, refuse, serveHttp, type HttpServer } from '../../../tools/http/http-server';
import { captureLogs } from '../../support/logs';
import { isListening } from '../../support/npm-run';

describe('the HTTP server under npm run serve and npm run console', () => {
  let server: HttpServer;
  /** Lets the answer of /slow go. */
  let release: () => void;

  beforeEach(async () => {
    const released = new Promise<void>((resolve) => (release = resolve));
    const app = express();
    const http = serveHttp(app);
    app.post('/slow', async (_request, response) => {
      http.answering(response);
      await released;
      response.json({ answered: true });
    });
    app.post('/unmarked', async (_request, response) => {
      await released;
      response.json({ answered: true });
    });
    app.post('/echo', express.json(), (request, response) => response.json(request.body));
    app.get('/throws', () => {
      throw new Error('a bug, with a secret in its message');
    });
    app.use((_request, response) => refuse(response, 404, 'Not found.'));
    app.use(answerErrors('the test log'));
    server = await http.listen('127.0.0.1', 0);
  });
  afterEach(async () => {
    release();
    await server.close();
  });

  const post = (route: string, body = '{}') =>
    fetch(new URL(route, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('says where it listens, with the port it was given', () => {
    expect(server.url).to.equal(`http://127.0.0.1:${server.port}/`);
  });

  it('on close, lets an answer under way finish, then stops listening', async () => {
    const answer = post('/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    release();

    const response = await answer;
    expect(response.status).to.equal(200);
    expect(response.headers.get('connection')).to.equal('close');
    expect(await response.json()).to.deep.equal({ answered: true });
    await closed;
    expect(await isListening(server.url)).to.equal(false);
  });

  it('on close, cuts a request that was not marked as being answered', async () => {
    const answer = post('/unmarked').catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close();
    release();

    expect(await answer).to.be.instanceOf(Error);
  });

  it('refuses a body over 100 KB with 413 and one line', async () => {
    const response = await post('/echo', JSON.stringify({ text: 'x'.repeat(200_000) }));
    expect(response.status).to.equal(413);
    expect(await response.json()).to.deep.equal({ error: 'The request is larger than 100kb.' });
  });

  it('refuses a body that is not what it says with 400 and one line', async () => {
    const response = await post('/echo', '{"text": ');
    expect(response.status).to.equal(400);
    expect(await response.json()).to.deep.equal({ error: 'The request body could not be read.' });
  });

  it('answers a bug with 500 and where to look, and logs the error there, not to the client', async () => {
    const { result: response, logs } = await captureLogs(() => fetch(new URL('/throws', server.url)));
    expect(response.status).to.equal(500);
    const body = await response.text();
    expect(JSON.parse(body)).to.deep.equal({ error: 'This request failed; the test log says why.' });
    expect(body).not.to.include('secret');
    expect(logs).to.equal('Error: a bug, with a secret in its message');
  });
});
