import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from './router.js';
import type { ScenarioPatch } from './scenario.js';
import { FakeAmazonState } from './state.js';

export interface FakeAmazonOptions extends ScenarioPatch {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only by default. */
  host?: string;
  /** The fake's clock before `state.advanceClock`; Date.now by default. */
  clock?: () => number;
}

export interface FakeAmazon {
  /** `http://127.0.0.1:PORT`: the value for PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE. */
  origin: string;
  port: number;
  state: FakeAmazonState;
  close(): Promise<void>;
}

/** Starts the fake Amazon (token services, Creators API, PA-API 5.0) on loopback. */
export async function startFakeAmazon(options: FakeAmazonOptions = {}): Promise<FakeAmazon> {
  const { port = 0, host = '127.0.0.1', clock, ...scenario } = options;
  const state = new FakeAmazonState(scenario, clock);
  const server = createServer((request, response) => {
    void serve(request, response, state);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${address.port}`,
    port: address.port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
