import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAiConnection } from '../../src/domain/ai/openai-gateway.js';
import { fakeCatalogue } from '../fakes/amazon/index.js';
import { createRelayClient } from '../../src/integrations/amazon-relay/client.js';
import { createOpenAiGateway } from '../../src/integrations/openai/create-openai-gateway.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { startCaptureServer } from '../helpers/capture-server.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';

const KEY = 'sk-proj-send-check-000000000000000000000001';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {} } });
});
afterAll(() => fake.close());

/**
 * The last line of defence, where requests leave: whatever the settings code hands over (a bug,
 * old data), a secret is not sent to an address other than the one it is bound to.
 */
describe('at send time', () => {
  it('the OpenAI gateway refuses a Base URL other than the one the key is bound to, before connecting', async () => {
    const attacker = await startCaptureServer();
    const gateway = createOpenAiGateway({ http: LOOPBACK_HTTP });
    const connection: OpenAiConnection = { apiKey: KEY, baseUrl: `${attacker.origin}/v1`, organization: '', project: '', keyBoundTo: fake.baseUrl };
    const listed = await gateway.listModels(connection);
    expect(!listed.ok && listed.error.cause).toBe('key_not_bound');
    // A path that climbs out of the bound base is another address too.
    const climbed = await gateway.probeModel({ ...connection, baseUrl: `${fake.baseUrl}/../steal` }, 'gpt-4o-mini');
    expect(!climbed.ok && climbed.error.cause).toBe('key_not_bound');
    expect(attacker.connections()).toBe(0);
    expect((await gateway.probeModel({ ...connection, baseUrl: fake.baseUrl }, 'gpt-4o-mini')).ok).toBe(true);
  });

  it('the relay client sends no token to a Relay URL it is not bound to', async () => {
    const attacker = await startCaptureServer();
    const client = createRelayClient({ url: attacker.origin, token: 'pwr_bound-elsewhere-0000000000001', tokenBoundTo: 'https://relay.example.com', http: LOOPBACK_HTTP });
    const answer = await client.getItems({ marketplace: 'de', partnerTag: 'mytag-21', itemIds: [fakeCatalogue.wellKnown('de').inStock] });
    expect(!answer.ok && answer.error).toMatchObject({ cause: 'credentials_missing', message: expect.stringContaining('saved for another Relay URL') });
    expect(attacker.connections()).toBe(0);
  });
});
