import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

const load = (value: string | undefined) => loadConfig({ env: { PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: value }, settingVariables: [], cwd: '/srv/app' });

describe('PASSIVEWP_ALLOW_PRIVATE_OUTBOUND', () => {
  it('allows no private address unless the operator lists some', () => {
    expect(load(undefined).allowPrivateOutbound).toEqual([]);
    expect(load('').allowPrivateOutbound).toEqual([]);
    expect(load('false').allowPrivateOutbound).toEqual([]);
  });

  it('takes addresses, CIDR ranges and proxy-addr’s names, separated by commas or spaces', () => {
    expect(load('loopback, 10.0.5.0/24 fd00::/8,192.168.1.20').allowPrivateOutbound).toEqual(['loopback', '10.0.5.0/24', 'fd00::/8', '192.168.1.20']);
  });

  it.each(['true', 'everything', '10.0.0.0/99', 'localhost'])('refuses %s, naming the variable and what it takes', (value) => {
    expect(() => load(value)).toThrowError(ConfigError);
    try {
      load(value);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: ".*" is not an IP address, a CIDR range/)]);
    }
  });
});
