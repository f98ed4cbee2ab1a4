import os from 'node:os';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may use the console: its own page, and programs on this machine. The console holds the developer's
 * stored data, and the pages of every site they visit can send requests to 127.0.0.1 as well:
 * - DNS rebinding: a site whose name comes to resolve to 127.0.0.1 is, to the browser, the same origin as
 *   the console. Its requests carry that name in `Host`, which must be one of the console's own.
 * - Cross-site requests: any page may send a POST to any address, without permission (only reading the
 *   answer needs one). Browsers mark such requests with `Origin` and `Sec-Fetch-Site`, which must say that
 *   the request comes from the console's own page. Programs like curl send neither, and get in.
 * The console never sends CORS headers, so no other origin can read an answer either.
 */
export interface RequestFacts {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = ['0.0.0.0', '::', '[::]'];

/**
 * The `Host` values that name this console: "127.0.0.1:3001" and the other names of the loopback interface;
 * with HOST set to a name or address, that one too; listening on all interfaces, this machine's name and
 * each of its addresses.
 */
export function ownHostNames(host: string, port: number): Set<string> {
  const names = [...LOOPBACK_NAMES, bracketed(host)];
  if (WILDCARDS.includes(host)) {
    names.push(os.hostname());
    for (const addresses of Object.values(os.networkInterfaces())) {
      for (const { address } of addresses ?? []) names.push(bracketed(address));
    }
  }
  return new Set(names.map((name) => `${name.toLowerCase()}:${port}`));
}

/** Whether HOST names the loopback interface, which only this machine reaches. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.includes(bracketed(host).toLowerCase());
}

/** Why the request is refused, or undefined when it may go on. */
export function refusalOf(request: RequestFacts, ownHosts: Set<string>): string | undefined {
  const host = request.headers.host?.toLowerCase();
  if (!host || !ownHosts.has(host))
    return `The console answers only at its own address, not at "${request.headers.host ?? ''}".`;
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`)
    return `The console answers only its own page, not ${origin}.`;
  // a link from another site may open the page itself; nothing else on another site may use the console
  const site = request.headers['sec-fetch-site'];
  const navigation = request.method === 'GET' && request.headers['sec-fetch-mode'] === 'navigate';
  if (
    site !== undefined &&
    site !== 'same-origin' &&
    site !== 'none' &&
    !(navigation && request.path === '/')
  )
    return 'The console answers only its own page.';
  return undefined;
}

function bracketed(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}
