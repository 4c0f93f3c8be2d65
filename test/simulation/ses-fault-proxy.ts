import { createServer, request, type Server } from 'node:http';

export type SesMode = 'up' | 'down' | 'slow' | 'refusing';

export interface SesFaultProxy {
  endpoint: string;
  setMode(mode: SesMode): void;
  mode(): SesMode;
  /** Requests turned away or delayed while not up, by mode. */
  counts: Record<SesMode, number>;
  /**
   * Resolves once no email is on its way to the SES endpoint: held while slow, or still being passed
   * on after its sender went away (a platform killed mid-send, whose request the endpoint still takes).
   */
  quiet(): Promise<void>;
  stop(): Promise<void>;
}

const THROTTLED = `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>simulated</RequestId></ErrorResponse>`;
/** Fifty times a usual answer, well within the client's ten-second timeout; longer only makes runs slower. */
const SLOW_MS = 500;

/**
 * Stands between the platform and the SES endpoint, so the simulation can take email away: down
 * (the connection is dropped), slow (answers after a pause well within the client's timeout), or
 * refusing (SES's throttling error, which the platform must treat as "try again later").
 */
export async function startSesFaultProxy(target: string, options: { slowMs?: number } = {}): Promise<SesFaultProxy> {
  const slowMs = options.slowMs ?? SLOW_MS;
  const to = new URL(target);
  let mode: SesMode = 'up';
  const counts: Record<SesMode, number> = { up: 0, down: 0, slow: 0, refusing: 0 };
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  const landed = () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  const forward = (incoming: import('node:http').IncomingMessage, outgoing: import('node:http').ServerResponse) => {
    let done = false;
    const once = () => {
      if (!done) (done = true), landed();
    };
    const proxied = request(
      { host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: to.host } },
      (answer) => {
        // The endpoint has the email once it answers; whether the sender is still there to hear it does not matter.
        answer.on('end', once).on('error', once).on('close', once);
        if (outgoing.destroyed) return void answer.resume();
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => {
      once();
      outgoing.destroy();
    });
    // A sender gone before the whole email was sent: the endpoint never gets it, and nothing waits for it.
    incoming.on('close', () => {
      if (!incoming.complete) proxied.destroy();
    });
    proxied.setTimeout(30_000, () => proxied.destroy());
    incoming.pipe(proxied);
  };
  const server: Server = createServer((incoming, outgoing) => {
    const now = mode;
    counts[now] += 1;
    if (now === 'down') return void incoming.socket.destroy();
    if (now === 'refusing') {
      incoming.resume();
      outgoing.writeHead(400, { 'content-type': 'text/xml' });
      return void outgoing.end(THROTTLED);
    }
    inFlight += 1;
    if (now === 'slow') return void setTimeout(() => forward(incoming, outgoing), slowMs);
    forward(incoming, outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    setMode: (next) => (mode = next),
    mode: () => mode,
    counts,
    quiet: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
