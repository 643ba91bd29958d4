import { loadSettings } from './settings';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(parseTrustProxy(loadSettings({}).TRUST_PROXY)).toBe(false);
  });

  it('takes what Fastify takes: true, false, addresses and ranges', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('10.0.0.1')).toEqual(['10.0.0.1']);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.1,fd00::/8,loopback')).toEqual(['10.0.0.0/8', '192.168.1.1', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else at start-up, naming the variable', () => {
    for (const bad of ['yes', '2', '10.0.0.0/33', '10.0.0', 'fd00::/129', '10.0.0.1/8/8', '', 'proxy.example'])
      expect(parseTrustProxy(bad)).toBeNull();
    expect(() => loadSettings({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});
