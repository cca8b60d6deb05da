import { Notice } from '../components/notice.js';
import { Postbox } from '../components/postbox.js';
import { Wrap } from '../components/wrap.js';
import { AmazonStatusCard } from '../dashboard/amazon-status-card.js';
import { GettingStarted } from '../dashboard/getting-started.js';
import { RecentChanges } from '../dashboard/recent-changes.js';
import { useAmazonStatus } from '../dashboard/use-amazon-status.js';
import { hrefFor } from '../routing/hash-route.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';

export function DashboardPage({ email }: { email: string }) {
  const { general, loadError } = useGeneralSettings();
  const siteName = fieldText(general, 'siteName');
  // One request for both the checklist's "Connect Amazon" step and the status card.
  const amazon = useAmazonStatus();

  return (
    <Wrap title="Dashboard">
      {loadError && (
        <Notice kind="error">
          <p>The general settings could not be loaded: {loadError}</p>
        </Notice>
      )}
      <section className="welcome-panel" aria-labelledby="welcome-title">
        <h2 id="welcome-title">{siteName ? `Welcome to the control room of ${siteName}` : 'Welcome to PassiveWP'}</h2>
        <p>
          Product data, connection checks and money-page blocks for your affiliate sites, all in one place.{' '}
          {!siteName && general && (
            <>
              Start with the <a href={hrefFor('/settings/general?focus=siteName')}>general settings</a>: your site’s name and address.
            </>
          )}
        </p>
      </section>
      {general ? (
        <div className="dashboard-widgets">
          <Postbox title="Getting started">
            <GettingStarted email={email} siteUrl={fieldText(general, 'siteUrl')} amazon={amazon} />
          </Postbox>
          <Postbox title="Amazon status">
            <AmazonStatusCard load={amazon} timeZone={fieldText(general, 'timeZone')} />
          </Postbox>
          <Postbox title="Recent changes">
            <RecentChanges timeZone={fieldText(general, 'timeZone')} />
          </Postbox>
        </div>
      ) : (
        !loadError && <p className="loading">Loading…</p>
      )}
    </Wrap>
  );
}
