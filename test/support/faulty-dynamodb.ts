import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Faults that a healthy local engine never produces, injected at the transport: an HTTP server on
 * 127.0.0.1 that answers chosen DynamoDB operations with an error (or not at all) and passes the others on
 * to a real engine.
 */
export type Fault =
  | { kind: 'error'; status: number; type: string; message: string }
  /** Accepts the request and never answers. */
  | { kind: 'silence' }
  /**
   * Passes the request on at once (so a write is applied), then holds the engine's answer back: the client
   * times out and retries a call that already took effect. Only the first `times` calls are late;
   * `whileLate` runs after the engine answered and before the answer is released.
   */
  | { kind: 'late'; delayMs: number; times: number; whileLate?: () => Promise<void> };

export const THROTTLED: Fault = {
  kind: 'error',
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
};
export const ACCESS_DENIED: Fault = {
  kind: 'error',
  status: 400,
  type: 'com.amazon.coral.service#AccessDeniedException',
  message:
    'User: arn:aws:sts::123456789012:assumed-role/skill is not authorized to perform: dynamodb:GetItem',
};

export interface FaultyDynamoDb {
  endpoint: string;
  /** Operations that reached this server ("GetItem", ...), faulty or not. */
  received: string[];
  stop(): Promise<void>;
}

export async function startFaultyDynamoDb(options: {
  faults: Partial<Record<string, Fault>>;
  /** Where operations without a fault go; without it they get the 'silence' treatment too. */
  upstream?: string;
}): Promise<FaultyDynamoDb> {
  const received: string[] = [];
  const lateSoFar = new Map<Fault, number>();
  const server = http.createServer((request, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    received.push(operation);
    const fault = options.faults[operation] ?? (options.upstream ? undefined : { kind: 'silence' });
    if (fault?.kind === 'silence') return;
    if (fault?.kind === 'error') {
      response.writeHead(fault.status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: fault.type, message: fault.message }));
      return;
    }
    let late: Extract<Fault, { kind: 'late' }> | undefined;
    if (fault?.kind === 'late' && (lateSoFar.get(fault) ?? 0) < fault.times) {
      lateSoFar.set(fault, (lateSoFar.get(fault) ?? 0) + 1);
      late = fault;
    }
    const target = new URL(request.url ?? '/', options.upstream);
    const forward = http.request(target, { method: request.method, headers: request.headers }, (upstream) => {
      const chunks: Buffer[] = [];
      upstream.on('data', (chunk: Buffer) => chunks.push(chunk));
      upstream.on('end', () => {
        const answer = () => {
          if (response.destroyed) return;
          response.writeHead(upstream.statusCode ?? 500, upstream.headers);
          response.end(Buffer.concat(chunks));
        };
        if (!late) return answer();
        const { delayMs, whileLate } = late;
        void Promise.all([whileLate?.(), new Promise((resolve) => setTimeout(resolve, delayMs))]).then(
          answer,
        );
      });
    });
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
