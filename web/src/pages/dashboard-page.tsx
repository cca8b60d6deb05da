import { useCallback, useState } from 'react';
import { RefreshPauseCard } from '../alerts/refresh-pause-card.js';
import { Notice } from '../components/notice.js';
import { Postbox } from '../components/postbox.js';
import { Wrap } from '../components/wrap.js';
import { GettingStarted } from '../dashboard/getting-started.js';
import { IntegrationsCard } from '../dashboard/integrations-card.js';
import { RecentChanges } from '../dashboard/recent-changes.js';
import { useAmazonStatus } from '../dashboard/use-amazon-status.js';
import { useIntegrationsOverview } from '../dashboard/use-integrations-overview.js';
import { hrefFor } from '../routing/hash-route.js';
import { fieldText } from '../site/field-text.js';
import { useGeneralSettings } from '../site/general-settings-context.js';

export function DashboardPage({ email }: { email: string }) {
  const { general, loadError } = useGeneralSettings();
  const siteName = fieldText(general, 'siteName');
  // "Check all" runs the Amazon check too: the checklist's Amazon step and the "started failing" notice follow it.
  const [checkedAll, setCheckedAll] = useState(0);
  const amazon = useAmazonStatus(checkedAll);
  const overview = useIntegrationsOverview(useCallback(() => setCheckedAll((n) => n + 1), []));

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
      {general && <RefreshPauseCard timeZone={fieldText(general, 'timeZone')} />}
      {general ? (
        <div className="dashboard-widgets">
          <Postbox title="Getting started">
            <GettingStarted email={email} siteUrl={fieldText(general, 'siteUrl')} amazon={amazon} overview={overview.load} />
          </Postbox>
          <Postbox title="Integrations">
            <IntegrationsCard overview={overview} amazon={amazon} timeZone={fieldText(general, 'timeZone')} />
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
