import { loadSettings, SettingsError } from './settings';

describe('settings', () => {
  it('works with nothing set', () => {
    expect(loadSettings({})).toMatchObject({ PORT: 3000, SMTP_URL: undefined, PUBLICATION_CRON: '0 7 1 * *', DISCLOSURE_P_PERCENT: 10 });
  });

  // Every setting is read, including those without a default: SMTP_URL once went unread.
  it('reads every setting from the environment', () => {
    const settings = loadSettings({ SMTP_URL: 'smtp://127.0.0.1:2525', PUBLICATION_CRON: '* * * * * *', DISCLOSURE_P_PERCENT: '25' });
    expect(settings).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:2525', PUBLICATION_CRON: '* * * * * *', DISCLOSURE_P_PERCENT: 25 });
  });

  it('needs the nodes of a cluster or the sentinels', () => {
    expect(() => loadSettings({ REDIS_MODE: 'cluster' })).toThrow(/REDIS_NODES/);
    expect(() => loadSettings({ REDIS_MODE: 'sentinel', REDIS_NODES: 'sentinel-a' })).toThrow(/REDIS_NODES/);
    expect(loadSettings({ REDIS_MODE: 'cluster', REDIS_NODES: '10.0.0.1:7000,10.0.0.2:7000' })).toMatchObject({ REDIS_MODE: 'cluster' });
    expect(() => loadSettings({ REDIS_MODE: 'replicated' })).toThrow(/REDIS_MODE/);
  });

  it('names every bad variable', () => {
    expect(() => loadSettings({ SMTP_URL: 'mail.example', PORT: 'x' })).toThrow(SettingsError);
    expect(() => loadSettings({ SMTP_URL: 'mail.example' })).toThrow(/SMTP_URL/);
  });
});
