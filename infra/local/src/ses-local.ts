import type { Server } from 'node:http';

export interface RunningSes {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts aws-ses-v2-local in this process: an SES endpoint whose web inbox shows every email sent. */
export async function startSesLocal(options: { port: number }): Promise<RunningSes> {
  // The package is CommonJS; from ESM its server is the default export.
  const sesModule = (await import('aws-ses-v2-local')) as unknown as {
    default: ((config: { port: number; host: string }) => Promise<Server>) | { default: (config: { port: number; host: string }) => Promise<Server> };
  };
  const startServer = typeof sesModule.default === 'function' ? sesModule.default : sesModule.default.default;
  const server = await startServer({ port: options.port, host: '127.0.0.1' });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
