import { Notice } from '../components/notice.js';
import { Wrap } from '../components/wrap.js';
import { hrefFor } from '../routing/hash-route.js';

export function HelpPage() {
  return (
    <Wrap title="Help">
      <Notice kind="info">
        <p>The in-app help center — guides for every setting and every connection check — arrives in a later release.</p>
      </Notice>
      <div className="card">
        <h2>Until then</h2>
        <ul className="plain-list">
          <li>
            Every field on the <a href={hrefFor('/settings/general')}>Settings</a> screen explains itself right below the input.
          </li>
          <li>
            A value shown as <strong>Locked</strong> comes from the engine’s configuration (an environment variable or the config file). Change it
            there and restart the engine.
          </li>
          <li>
            Forgot your password? On the machine that runs the engine, run <code>npx passivewp admin create --email you@example.com --password '…'</code> to add
            another administrator.
          </li>
        </ul>
      </div>
    </Wrap>
  );
}
