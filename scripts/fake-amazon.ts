/**
 * `npm run fake:amazon`: the fake Amazon on its own, for pointing a local engine at it with
 * PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE. PORT picks the port (default 8790). Prints the demo
 * credentials, tracking IDs and a few ASINs that exist in each main store.
 */
import { DEMO_CREDENTIALS, DEMO_PAAPI_KEY, fakeCatalogue, startFakeAmazon } from '../tests/fakes/amazon/index.js';

const port = Number(process.env.PORT ?? 8790);
const fake = await startFakeAmazon({ port, credentials: DEMO_CREDENTIALS, paapiKeys: [DEMO_PAAPI_KEY] });

const lines = [
  `Fake Amazon listening on ${fake.origin}`,
  `  PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE=${fake.origin}`,
  '',
  'Creators API credentials (version · id · secret · tracking IDs):',
  ...DEMO_CREDENTIALS.map((c) => `  ${c.version}  ${c.id}\n       secret ${c.secret}\n       tags   ${Object.entries(c.partnerTags).map(([m, t]) => `${m}=${t.join('|')}`).join(' ')}`),
  '',
  'PA-API 5.0 key (any store):',
  `  access ${DEMO_PAAPI_KEY.accessKey}\n  secret ${DEMO_PAAPI_KEY.secretKey}`,
  '',
  'Well-known ASINs (in stock · on sale · out of stock · variation child · book):',
  ...['us', 'uk', 'de', 'fr', 'jp'].map((code) => {
    const w = fakeCatalogue.wellKnown(code);
    return `  ${code}  ${w.inStock} ${w.onSale} ${w.outOfStock} ${w.variationChild} ${w.book}`;
  }),
  '',
  'Rate limit: 1 request/second per credential. Ctrl+C stops.',
];
console.log(lines.join('\n'));

const stop = () => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
