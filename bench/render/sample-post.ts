/**
 * The post the render benchmark shows: a "best Bluetooth speakers" buying guide as a WordPress
 * editor stores it (paragraphs, headings, a list), with 20 `[passivewp …]` blocks of every type,
 * all on the US store: 6 boxes, 3 comparison tables (4, 3 and 5 products), 2 lists of saved
 * searches (5 products each), 6 inline links and 3 images. Tables repeat some of the boxes'
 * products, as buying guides do.
 */
export const BLOCKS_IN_POST = 20;

const para = (text: string) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->\n\n`;
const heading = (text: string) => `<!-- wp:heading -->\n<h2 class="wp-block-heading">${text}</h2>\n<!-- /wp:heading -->\n\n`;
const shortcode = (code: string) => `<!-- wp:shortcode -->\n${code}\n<!-- /wp:shortcode -->\n\n`;

const FILLER = [
  'We spent six weeks with these speakers in kitchens, on balconies and at two very windy picnics. Every one was charged from empty, paired with an Android phone and an iPhone, and played the same playlist at 70% volume until it gave up.',
  'Battery claims are measured at low volume, so expect about two thirds of the number on the box. Water resistance matters more than you think: an IPX7 rating means a dunk in the pool is survivable, IPX4 only means rain.',
  'Sound is a matter of taste, but some things are not: distortion at high volume, a hiss when nothing is playing, and bass that disappears as soon as the speaker stands on grass instead of a table.',
  'If you only read one paragraph, read this one: buy the smallest speaker that is loud enough for the room you use it in most. Big speakers are heavy, and a speaker that stays at home is no use at the beach.',
];

/** `asins`: at least 16 distinct ASINs sold in the stores the benchmark fetched. */
export function buildSamplePost(asins: readonly string[]): string {
  const a = (i: number) => asins[i % asins.length]!;
  const f = (i: number) => FILLER[i % FILLER.length]!;
  let post = '';
  post += para(`Looking for a Bluetooth speaker that survives a summer? ${f(0)}`);
  post += para(f(1));
  post += shortcode(`[passivewp table asins="${a(0)},${a(1)},${a(2)},${a(3)}" attributes="price,rating,features" marketplace="us"]`);
  post += heading('1. The best overall');
  post += para(`Our favourite is the [passivewp link asin="${a(0)}" marketplace="us"]speaker we kept reaching for[/passivewp]. ${f(2)}`);
  post += shortcode(`[passivewp box asin="${a(0)}" marketplace="us"]`);
  post += para(f(3));
  post += shortcode(`[passivewp image asin="${a(0)}" marketplace="us"]`);
  post += heading('2. The best for the beach');
  post += para(`Sand and water are the enemies. ${f(1)} The [passivewp link asin="${a(1)}" marketplace="us"]waterproof runner-up[/passivewp] floats, too.`);
  post += shortcode(`[passivewp box asin="${a(1)}" marketplace="us"]`);
  post += para(f(2));
  post += heading('3. The best on a budget');
  post += para(`You do not need to spend a lot. ${f(3)}`);
  post += shortcode(`[passivewp box asin="${a(4)}" marketplace="us"]`);
  post += para(`If that one is sold out, the [passivewp link asin="${a(5)}" marketplace="us"]cheaper alternative[/passivewp] is nearly as good. ${f(0)}`);
  post += shortcode(`[passivewp table asins="${a(4)},${a(5)},${a(6)}" attributes="price,rating,features" marketplace="us"]`);
  post += heading('4. The loudest');
  post += para(f(2));
  post += shortcode(`[passivewp box asin="${a(7)}" marketplace="us"]`);
  post += shortcode(`[passivewp image asin="${a(7)}" marketplace="us"]`);
  post += para(`For parties, pair two of them. ${f(1)} See also the [passivewp link asin="${a(8)}" marketplace="us"]bigger sibling[/passivewp].`);
  post += heading('5. The best for travel');
  post += para(f(3));
  post += shortcode(`[passivewp box asin="${a(9)}" marketplace="us"]`);
  post += para(`It fits in a jacket pocket. ${f(0)}`);
  post += shortcode(`[passivewp box asin="${a(10)}" marketplace="us"]`);
  post += shortcode(`[passivewp image asin="${a(10)}" marketplace="us"]`);
  post += heading('Everything we tested');
  post += para(f(1));
  post += shortcode(`[passivewp table asins="${a(0)},${a(1)},${a(7)},${a(9)},${a(11)}" attributes="price,rating,features" marketplace="us"]`);
  post += para(`Still undecided? These are the best sellers right now. ${f(2)}`);
  post += shortcode('[passivewp list search="speaker" marketplace="us"]');
  post += heading('Do not forget a charger');
  post += para(`A speaker is only as good as its last charge. The [passivewp link asin="${a(12)}" marketplace="us"]charger we travel with[/passivewp] handles two devices at once.`);
  post += shortcode('[passivewp list search="charger" marketplace="us"]');
  post += para(`${f(3)} Questions? The [passivewp link asin="${a(13)}" marketplace="us"]last one on our list[/passivewp] is the one we would buy again tomorrow.`);
  post += '<!-- wp:list -->\n<ul><li>Charge it before the first use.</li><li>Update the firmware.</li><li>Keep the charging port dry.</li></ul>\n<!-- /wp:list -->\n';
  return post;
}
