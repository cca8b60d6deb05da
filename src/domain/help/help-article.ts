/**
 * A help article as typed data: the admin app renders it, the command palette searches it, and
 * tests check that every route it names exists. Written in our own words, never copied.
 */

/** An admin screen, and optionally the field a step is about (`?focus=` in the route). */
export interface RouteChip {
  /** The admin hash route without `#`, e.g. `/settings/amazon`. */
  route: string;
  /** A settings field path on that screen, e.g. `defaultPartnerTag` or `marketplaces.0.partnerTag`. */
  field?: string;
  /** The menu path as the user sees it, e.g. ['PassiveWP', 'Settings', 'Amazon']. */
  menuPath: string[];
}

/** A condition the engine can evaluate live (see evaluate-confirmation.ts); the id names the rule. */
export const CONFIRMATION_IDS = [
  'amazon_check_passed',
  'amazon_defaults_set',
  'amazon_marketplaces_tagged',
  'amazon_settings_saved',
  'openai_check_passed',
  'geolocation_check_passed',
  'general_disclosure_set',
] as const;
export type ConfirmationId = (typeof CONFIRMATION_IDS)[number];

export interface Confirm {
  /** What to look for, in words. */
  text: string;
  /** When the engine can check it itself. */
  live?: ConfirmationId;
}

export interface HelpStep {
  title: string;
  goHere: RouteChip;
  doThis: string;
  confirm: Confirm;
}

export interface TroubleshootingEntry {
  /** Anchor id; for a cause code of the Amazon check: `cause-<code>`. */
  id: string;
  problem: string;
  fix: string;
  /** Where the fix is made. */
  goHere?: RouteChip;
}

export interface HelpArticle {
  /** URL slug: `#/help/<id>`. */
  id: string;
  title: string;
  /** e.g. 'Settings / Amazon'. */
  category: string;
  lede: string;
  whenToUse: string;
  beforeYouStart: string[];
  menuPath: RouteChip;
  steps: HelpStep[];
  troubleshooting: TroubleshootingEntry[];
  commonMistakes: string[];
  successChecklist: Confirm[];
  /** Screens whose "Help" links show this article. */
  screens: string[];
}
