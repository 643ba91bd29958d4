import { keyPrefix, redisNodes } from './redis-settings';

describe('key prefix', () => {
  const inCluster = (QUEUE_PREFIX: string) => keyPrefix({ REDIS_MODE: 'cluster', QUEUE_PREFIX });

  it('is the setting itself outside a cluster', () => {
    expect(keyPrefix({ REDIS_MODE: 'standalone', QUEUE_PREFIX: 'kcn' })).toBe('kcn');
    expect(keyPrefix({ REDIS_MODE: 'sentinel', QUEUE_PREFIX: 'kcn' })).toBe('kcn');
  });

  it('is hash-tagged on a cluster', () => {
    expect(inCluster('kcn')).toBe('{kcn}');
    expect(inCluster('kcn-test-1-suite')).toBe('{kcn-test-1-suite}');
  });

  it('keeps a hash tag already there, as Redis reads it', () => {
    expect(inCluster('{kcn}')).toBe('{kcn}');
    expect(inCluster('prod:{kcn}:q')).toBe('prod:{kcn}:q');
    // `{}` is no tag, nor is a `}` before the first `{`: Redis would hash the whole key.
    expect(inCluster('{}kcn')).toBe('{{}kcn}');
    expect(inCluster('a}b{')).toBe('{a}b{}');
  });
});

describe('nodes', () => {
  it('reads host:port pairs', () => {
    expect(redisNodes('127.0.0.1:7101,redis-b.internal:7102')).toEqual([
      { host: '127.0.0.1', port: 7101 },
      { host: 'redis-b.internal', port: 7102 },
    ]);
  });

  it('are needed', () => {
    expect(() => redisNodes(undefined)).toThrow(/REDIS_NODES/);
  });
});
