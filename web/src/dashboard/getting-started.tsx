import type { IntegrationsOverview } from '../api/integration-check-types.js';
import { hrefFor } from '../routing/hash-route.js';
import type { Resource } from '../session/use-api-resource.js';
import { amazonChecklistStep, type ChecklistStep } from './amazon-checklist-step.js';
import { integrationChecklistStep } from './integration-checklist-step.js';
import type { AmazonStatusLoad } from './use-amazon-status.js';

const STATE_LABEL: Record<ChecklistStep['state'], string> = { done: 'Done', todo: 'To do' };

interface GettingStartedProps {
  email: string;
  siteUrl: string;
  amazon: AmazonStatusLoad;
  overview: Resource<IntegrationsOverview>;
}

/** The first-run checklist, computed from what the engine really holds. */
export function GettingStarted({ email, siteUrl, amazon, overview }: GettingStartedProps) {
  const steps: ChecklistStep[] = [
    { state: 'done', title: 'Administrator created', detail: `You are logged in as ${email}.` },
    siteUrl
      ? { state: 'done', title: 'General settings saved', detail: `Site URL: ${siteUrl}` }
      : {
          state: 'todo',
          title: 'Save the general settings',
          detail: 'Tell PassiveWP which site carries your affiliate links.',
          action: { label: 'Set the site URL', route: '/settings/general?focus=siteUrl' },
        },
    amazonChecklistStep(amazon),
    integrationChecklistStep(overview, 'openai', { setUp: 'Connect OpenAI', setUpDetail: 'Enter an API key and choose a model, then check the connection.', done: 'OpenAI connected' }),
    integrationChecklistStep(overview, 'geolocation', {
      setUp: 'Set up geolocation',
      setUpDetail: 'Choose a MaxMind database file or the web service, so visitors reach their own Amazon store.',
      done: 'Geolocation works',
    }),
  ];
  return (
    <ol className="checklist">
      {steps.map((step) => (
        <li key={step.title} className={`checklist-item is-${step.state}`}>
          <span className="checklist-mark" aria-hidden="true">
            {step.state === 'done' ? '✓' : ''}
          </span>
          <span className="checklist-text">
            <span className="screen-reader-text">{STATE_LABEL[step.state]}: </span>
            <strong>{step.title}</strong>
            <span className="checklist-detail">{step.detail}</span>
            {step.action && (
              <a className="button button-primary button-small" href={hrefFor(step.action.route)}>
                {step.action.label}
              </a>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
