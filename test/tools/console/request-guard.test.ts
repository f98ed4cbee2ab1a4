import { expect } from 'chai';
import { ownHostNames, refusalOf, type RequestFacts } from '../../../tools/console/request-guard';

describe('who may use the console', () => {
  const hosts = ownHostNames('127.0.0.1', 3001);
  const request = (headers: RequestFacts['headers'], method = 'POST', path = '/api/say'): RequestFacts => ({
    method,
    path,
    headers: { host: '127.0.0.1:3001', ...headers },
  });
  const refused = (facts: RequestFacts) => refusalOf(facts, hosts) !== undefined;

  it('lets its own page in, under each name of the loopback interface', () => {
    for (const host of ['127.0.0.1:3001', 'localhost:3001', '[::1]:3001', 'LOCALHOST:3001']) {
      expect(
        refused(request({ host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })),
        host,
      ).to.equal(false);
    }
  });

  it('lets programs on this machine in: they send no Origin', () => {
    expect(refused(request({}))).to.equal(false);
  });

  it('refuses a name that only resolves to 127.0.0.1 (DNS rebinding), and another port', () => {
    expect(refused(request({ host: 'attacker.example:3001' }))).to.equal(true);
    expect(refused(request({ host: '127.0.0.1:8080' }))).to.equal(true);
    expect(refused(request({ host: undefined }))).to.equal(true);
  });

  it("refuses another site's page, whether it says so in Origin or in Sec-Fetch-Site", () => {
    expect(refused(request({ origin: 'https://attacker.example' }))).to.equal(true);
    expect(refused(request({ origin: 'http://127.0.0.1:8080' }))).to.equal(true);
    expect(refused(request({ origin: 'null' }))).to.equal(true);
    expect(refused(request({ 'sec-fetch-site': 'cross-site' }))).to.equal(true);
    expect(refused(request({ 'sec-fetch-site': 'same-site' }, 'GET', '/api/events'))).to.equal(true);
  });

  it('lets a link from another site open the page itself, and nothing else', () => {
    const link = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' };
    expect(refused(request(link, 'GET', '/'))).to.equal(false);
    expect(refused(request(link, 'GET', '/api/replay'))).to.equal(true);
  });

  it("answers under the name HOST gives; on every interface, under this machine's addresses too", () => {
    expect(ownHostNames('192.0.2.7', 3001).has('192.0.2.7:3001')).to.equal(true);
    const everywhere = ownHostNames('0.0.0.0', 3001);
    expect(everywhere.has('127.0.0.1:3001')).to.equal(true);
    expect(everywhere.has('attacker.example:3001')).to.equal(false);
  });
});
