import { z } from 'zod';
import { defineField, defineSection } from '../define-section.js';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const generalSection = defineSection({
  id: 'general',
  title: 'General',
  fields: {
    siteName: defineField({
      label: 'Site name',
      help: 'Shown in the admin and in reports, so you can tell your sites apart.',
      input: 'text',
      schema: z.string().trim().max(100, { error: 'Use at most 100 characters.' }),
      default: '',
      configVariable: 'PASSIVEWP_SITE_NAME',
    }),
    siteUrl: defineField({
      label: 'Site URL',
      help: 'The public address of the site whose pages carry your affiliate links, e.g. https://example.com.',
      input: 'url',
      schema: z.union([
        z.literal(''),
        z
          .string()
          .trim()
          .max(2000, { error: 'Use at most 2000 characters.' })
          .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Enter a full address starting with https:// or http://.' })),
      ]),
      default: '',
      configVariable: 'PASSIVEWP_SITE_URL',
    }),
    timeZone: defineField({
      label: 'Time zone',
      help: 'Reports, schedules and "last refreshed" times use this zone.',
      input: 'timezone',
      schema: z.string().trim().refine(isTimeZone, { error: 'Choose a time zone from the list (e.g. Europe/Berlin).' }),
      default: 'UTC',
      configVariable: 'PASSIVEWP_TIME_ZONE',
    }),
    affiliateDisclosure: defineField({
      label: 'Affiliate disclosure',
      help: 'Shown next to product blocks. Amazon requires a clear disclosure on every page that carries your links.',
      input: 'textarea',
      schema: z.string().trim().max(1000, { error: 'Use at most 1000 characters.' }),
      default: 'As an Amazon Associate I earn from qualifying purchases.',
      configVariable: 'PASSIVEWP_AFFILIATE_DISCLOSURE',
    }),
  },
});
