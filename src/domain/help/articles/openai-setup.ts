import type { HelpArticle } from '../help-article.js';
import { chip } from './route-chips.js';

export const openAiSetup: HelpArticle = {
  id: 'openai-setup',
  title: 'Connect OpenAI: key, model and monthly limits',
  category: 'Settings / OpenAI',
  lede: 'PassiveWP\'s AI features use one OpenAI key (or any OpenAI-compatible endpoint), one model, and monthly limits they are never allowed to pass.',
  whenToUse: 'Before using any AI feature, after rotating the key, or when the dashboard shows OpenAI failing.',
  beforeYouStart: [
    'An API key from platform.openai.com → API keys, on an account with credit.',
    'Optional: the organization (org-…) and project (proj_…) to bill, if the key belongs to several.',
  ],
  menuPath: chip('/settings/openai'),
  steps: [
    {
      title: 'Enter the key',
      goHere: chip('/settings/openai', 'apiKey'),
      doThis: 'Paste the key into OpenAI API Key. Leave Base URL on https://api.openai.com/v1 unless you use Azure OpenAI, OpenRouter or a local server. Click Save Changes.',
      confirm: { text: 'The key field shows it is set with its last four characters; the value itself is never shown again.' },
    },
    {
      title: 'Choose the model',
      goHere: chip('/settings/openai', 'model'),
      doThis: 'Pick a model from the list, which shows only models the saved key can use. A small model is enough for product texts and costs least.',
      confirm: { text: 'The chosen model appears in Model after saving.' },
    },
    {
      title: 'Set the monthly limits',
      goHere: chip('/settings/openai', 'monthlyCostLimit'),
      doThis: 'Enter a Monthly token limit and/or a Monthly spending limit (USD); blank means no limit. For a model PassiveWP has no price for, also fill both prices per million tokens, or the spending limit is refused.',
      confirm: { text: 'Saving succeeds without a message next to the limits.' },
    },
    {
      title: 'Check the connection',
      goHere: chip('/settings/openai'),
      doThis: 'Click "Check OpenAI Connection". It sends one completion of a few tokens, proving key, credit and model together.',
      confirm: { text: 'The result is OK (a rate_limited or budget warning still means the key works) and not stale.', live: 'openai_check_passed' },
    },
  ],
  troubleshooting: [
    { id: 'openai-key-invalid', problem: 'key_invalid or key_missing.', fix: 'Create a new key in the OpenAI dashboard and paste it into OpenAI API Key.', goHere: chip('/settings/openai', 'apiKey') },
    { id: 'openai-model-unavailable', problem: 'model_unavailable.', fix: 'The key cannot use this model: choose one from the list.', goHere: chip('/settings/openai', 'model') },
    { id: 'openai-quota', problem: 'quota_exhausted: no credit or the billing limit is reached.', fix: 'Add credit or raise the budget under Billing in the OpenAI dashboard, then check again.' },
    { id: 'openai-budget', problem: 'budget_exhausted: your own monthly limit is reached.', fix: 'AI features wait for the next UTC month; raise or clear the limit to continue now.', goHere: chip('/settings/openai', 'monthlyTokenLimit') },
    { id: 'openai-base-url', problem: 'base_url_wrong or network_error.', fix: 'Check Base URL (it ends before /chat/completions) and the server\'s network.', goHere: chip('/settings/openai', 'baseUrl') },
  ],
  commonMistakes: [
    'Leaving both limits blank on a shared account.',
    'Entering only one of the two prices per million tokens.',
    'Expecting the old check result to cover a new key: a changed setting makes it stale.',
  ],
  successChecklist: [{ text: 'The latest OpenAI check passed with the saved settings.', live: 'openai_check_passed' }],
  screens: ['/settings/openai', '/dashboard'],
};
