import { expect } from 'chai';
import http from 'node:http';
import { API, type ConsoleEvent } from '../../../tools/console/api';
import { startConsoleServer, type ConsoleServer } from '../../../tools/console/console-server';
import { startConsoleSession } from '../../../tools/console/console-session';
import { INVOCATION } from '../../support/skill-names';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request as any client sends it, with exactly the headers given (fetch would set Origin and Host itself). */
function send(
  url: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe("the console's web server", function () {
  this.timeout(30_000);
  let server: ConsoleServer;
  let url: string;

  before(async () => {
    const session = await startConsoleSession({
      store: { engine: 'dynalite', dataDir: undefined },
      userId: 'amzn1.ask.account.local-user',
      deviceId: 'amzn1.ask.device.local-device',
      strict: false,
    });
    server = await startConsoleServer({ session, host: '127.0.0.1', port: 0 });
    url = server.url.replace(/\/$/, '');
  });
  after(() => server.close());

  it('serves the page, its script built from TypeScript and its style sheet, and nothing from any other site', async () => {
    const pageAnswer = await send(`${url}/`);
    const script = await send(`${url}/app.js`);
    const style = await send(`${url}/style.css`);

    expect(pageAnswer.status).to.equal(200);
    expect(pageAnswer.body).to.include('<script type="module" src="/app.js"></script>');
    expect(pageAnswer.body).to.not.match(/https?:\/\/(?!www\.w3\.org)/);
    expect(script.headers['content-type']).to.match(/^text\/javascript/);
    expect(script.body).to.include('new EventSource(');
    expect(style.status).to.equal(200);
    expect(pageAnswer.headers['content-security-policy'])
      .to.include("default-src 'none'")
      .and.include("frame-ancestors 'none'");
  });

  it('takes an utterance and streams the turn to the page, the state first', async () => {
    expect(
      (await send(`${url}${API.say}`, json({ utterance: `ask ${INVOCATION} to add five` }))).status,
    ).to.equal(200);

    const events = await firstEvents(`${url}${API.events}`, 1);
    const [first] = events;
    expect(first.type).to.equal('state');
    const state = (first as Extract<ConsoleEvent, { type: 'state' }>).state;
    expect(state.entries.at(-1)).to.deep.include({
      kind: 'turn',
      captions: ['Added 5. Your saved counter is 5.'],
    });
    expect(state.status.item).to.deep.include({ attributes: { counter: 5 } });
  });

  it('sends no CORS headers: no other origin may read an answer', async () => {
    const answer = await send(`${url}${API.replay}`, { headers: { origin: 'https://attacker.example' } });
    expect(answer.status).to.equal(403);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).to.deep.equal(
      [],
    );
  });

  it("refuses another site's page (Origin, Sec-Fetch-Site) and another name for this address (DNS rebinding), changing nothing", async () => {
    const before = (await firstEvents(`${url}${API.events}`, 1))[0];
    const attempts = await Promise.all([
      send(`${url}${API.say}`, {
        ...json({ utterance: 'add one' }),
        headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
      }),
      send(`${url}${API.item}`, { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } }),
      send(`${url}${API.say}`, {
        ...json({ utterance: 'add one' }),
        headers: { 'content-type': 'application/json', host: `attacker.example:${new URL(url).port}` },
      }),
    ]);

    expect(attempts.map((answer) => answer.status)).to.deep.equal([403, 403, 403]);
    expect(JSON.parse(attempts[0].body)).to.deep.equal({
      error: 'The console answers only its own page, not https://attacker.example.',
    });
    const after = (await firstEvents(`${url}${API.events}`, 1))[0];
    expect(after).to.deep.equal(before);
  });

  it('takes only JSON: a form another page could post without asking gets a clear 400', async () => {
    const answer = await send(`${url}${API.say}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"utterance": "add one"}',
    });
    expect(answer.status).to.equal(400);
    expect(JSON.parse(answer.body)).to.deep.equal({ error: 'The request needs "utterance", as text.' });
  });

  it('answers mistakes in one line of JSON: a huge body 413, a bad utterance 400, an unknown path 404', async () => {
    const huge = await send(`${url}${API.say}`, json({ utterance: 'x'.repeat(200_000) }));
    const long = await send(`${url}${API.say}`, json({ utterance: 'add one '.repeat(200) }));
    const broken = await send(`${url}${API.say}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    const unknown = await send(`${url}/api/nothing`);

    expect([huge.status, long.status, broken.status, unknown.status]).to.deep.equal([413, 400, 400, 404]);
    expect(JSON.parse(huge.body)).to.deep.equal({ error: 'The request is larger than 100kb.' });
    expect(JSON.parse(long.body).error).to.match(
      /^That is 1599 characters; an utterance here is at most 1000\./,
    );
  });

  it('hands out what was said as a replay file to download', async () => {
    const answer = await send(`${url}${API.replay}`);
    expect(answer.headers['content-disposition']).to.equal('attachment; filename=replay-en-US.json');
    expect(JSON.parse(answer.body).userInput).to.deep.equal([`ask ${INVOCATION} to add five`, '.quit']);
  });
});

/** The first `count` events of the stream, then it hangs up. */
function firstEvents(url: string, count: number): Promise<ConsoleEvent[]> {
  return new Promise((resolve, reject) => {
    const events: ConsoleEvent[] = [];
    const request = http.get(url, (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).match(/^data: (.*)$/m)?.[1];
          buffer = buffer.slice(end + 2);
          if (data) events.push(JSON.parse(data) as ConsoleEvent);
          if (events.length === count) {
            request.destroy();
            resolve(events);
          }
        }
      });
    });
    request.on('error', reject);
  });
}
