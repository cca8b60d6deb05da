import { hrefFor } from '../routing/hash-route.js';

type StepState = 'done' | 'todo' | 'later';

interface Step {
  state: StepState;
  title: string;
  detail: string;
  action?: { label: string; route: string };
}

const STATE_LABEL: Record<StepState, string> = { done: 'Done', todo: 'To do', later: 'Later release' };

/** The first-run checklist, computed from what the engine really holds. */
export function GettingStarted({ email, siteUrl }: { email: string; siteUrl: string }) {
  const steps: Step[] = [
    { state: 'done', title: 'Administrator created', detail: `You are logged in as ${email}.` },
    siteUrl
      ? { state: 'done', title: 'General settings saved', detail: `Site URL: ${siteUrl}` }
      : {
          state: 'todo',
          title: 'Save the general settings',
          detail: 'Tell PassiveWP which site carries your affiliate links.',
          action: { label: 'Set the site URL', route: '/settings/general?focus=siteUrl' },
        },
    { state: 'later', title: 'Connect Amazon', detail: 'Product data and connection checks arrive in a later release.' },
    { state: 'later', title: 'Connect OpenAI', detail: 'Arrives in a later release.' },
    { state: 'later', title: 'Set up geolocation', detail: 'Arrives in a later release.' },
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
            {step.state === 'later' && <span className="badge">Later release</span>}
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
