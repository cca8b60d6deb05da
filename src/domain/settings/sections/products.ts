import { z } from 'zod';
import { defineField, defineSection } from '../define-section.js';

/** Amazon allows showing product data for at most 24 hours after it was fetched. */
export const AMAZON_MAX_AGE_HOURS = 24;

const hours = (min: number, max: number, error: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value),
    z.number({ error }).finite({ error }).min(min, { error }).max(max, { error }),
  );

/** Settings → Products: how fresh product data is kept. */
export const productsSection = defineSection({
  id: 'products',
  title: 'Products',
  fields: {
    maxAgeHours: defineField({
      label: 'Refresh before (hours)',
      help: 'Every product is refreshed before its data is this old. Amazon allows at most 24 hours; 23 leaves an hour for a slow or failed refresh.',
      input: 'number',
      schema: hours(1, AMAZON_MAX_AGE_HOURS, `Enter a number of hours from 1 to ${AMAZON_MAX_AGE_HOURS}: Amazon does not allow showing data older than ${AMAZON_MAX_AGE_HOURS} hours.`),
      default: 23,
      configVariable: 'PASSIVEWP_PRODUCT_MAX_AGE_HOURS',
    }),
    notFoundRetryHours: defineField({
      label: 'Retry "not found" after (hours)',
      help: 'A product Amazon does not find is asked for again after this long, then after twice as long each time (at most a week), instead of in every refresh.',
      input: 'number',
      schema: hours(1, 168, 'Enter a number of hours from 1 to 168.'),
      default: 24,
    }),
    missingInVisitorStore: defineField({
      label: 'When a product is not in the visitor’s store',
      help: 'A block shows the store of the visitor’s country when you have a partner tag there. If the product was never seen in that store, it is added and fetched; meanwhile the link goes to a search for it in the visitor’s store, or to the block’s own store.',
      input: 'select',
      schema: z.enum(['search', 'original'], { error: 'Choose "search" or "original".' }),
      default: 'search' as const,
      options: [
        { value: 'search', label: 'Link to a search for it in the visitor’s store' },
        { value: 'original', label: 'Keep the block’s own store' },
      ],
    }),
  },
});
