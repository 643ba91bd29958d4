import { ErrorLog, errorKind } from './error-log';

function logOf() {
  const lines: string[] = [];
  let now = 0;
  let counted = 0;
  const log = new ErrorLog(
    { warn: (m) => lines.push(`warn ${m}`), log: (m) => lines.push(`log ${m}`) },
    'queue:reports',
    () => counted++,
    60_000,
    () => now,
  );
  return { log, lines, advance: (ms: number) => (now += ms), counted: () => counted };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7101'), { code: 'ECONNREFUSED' });

describe('error log', () => {
  it('logs a failure once, then a line a minute, and the recovery once', () => {
    const { log, lines, advance, counted } = logOf();
    for (let i = 0; i < 3000; i++) {
      log.failed(refused());
      advance(10); // 100 errors a second for 30 s
    }
    log.recovered();
    log.recovered();
    expect(lines).toEqual([
      'warn queue:reports failing: connect ECONNREFUSED 127.0.0.1:7101',
      'log queue:reports recovered after 3000 errors in 30 s',
    ]);
    expect(counted()).toBe(3000);
  });

  it('says how many were left out when it speaks again', () => {
    const { log, lines, advance } = logOf();
    for (let i = 0; i <= 120; i++) {
      log.failed(refused());
      advance(1000);
    }
    expect(lines).toEqual([
      'warn queue:reports failing: connect ECONNREFUSED 127.0.0.1:7101',
      'warn queue:reports still failing: connect ECONNREFUSED 127.0.0.1:7101 (59 more since the last line)',
      'warn queue:reports still failing: connect ECONNREFUSED 127.0.0.1:7101 (59 more since the last line)',
    ]);
  });

  it('logs each new kind of failure at once, and a kind seen before not again', () => {
    const { log, lines } = logOf();
    for (let i = 0; i < 100; i++) {
      log.failed(refused());
      log.failed(new Error(`MOVED ${i} 127.0.0.1:${7101 + (i % 3)}`));
    }
    expect(lines).toEqual([
      'warn queue:reports failing: connect ECONNREFUSED 127.0.0.1:7101',
      'warn queue:reports failing: MOVED 0 127.0.0.1:7101',
    ]);
  });

  it('names the subject of an error without taking it for a new kind', () => {
    const { log, lines } = logOf();
    for (let i = 0; i < 50; i++) log.failed(refused(), `job ${i}`);
    expect(lines).toEqual(['warn queue:reports failing: job 0: connect ECONNREFUSED 127.0.0.1:7101']);
  });

  it('starts afresh after a recovery', () => {
    const { log, lines } = logOf();
    log.failed(refused());
    log.recovered();
    log.failed(refused());
    expect(lines).toHaveLength(3);
    expect(log.failing).toBe(true);
  });
});

describe('error kinds', () => {
  it('are codes, or messages without their numbers', () => {
    expect(errorKind(refused())).toBe('ECONNREFUSED');
    expect(errorKind(new Error('MOVED 14475 127.0.0.1:7103'))).toBe(errorKind(new Error('MOVED 3 127.0.0.1:7101')));
  });
});
