import { ConfigError, parseConfig } from './config';

const root = '/srv/iop';

describe('parseConfig', () => {
  it('uses the embedded database and documented defaults when nothing is set', () => {
    const config = parseConfig({}, root);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embedded).toEqual({
      dataDir: '/srv/iop/.data/postgres',
      runtimeDir: '/var/lib/iop-outcomes',
      port: 54329,
      password: 'iop-embedded-local',
      database: 'iop',
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.demo).toEqual({ enabled: true, participants: 2000, seed: 1 });
  });

  it('reads every variable', () => {
    const config = parseConfig(
      {
        DATABASE_URL: 'postgres://u@db:5432/iop',
        PORT: '8080',
        HOST: '0.0.0.0',
        DEMO_DATA: 'false',
        DEMO_PARTICIPANTS: '500',
        EMBEDDED_PG_DIR: '/var/lib/iop',
        EMBEDDED_PG_RUNTIME_DIR: '/tmp/iop-pg',
      },
      root,
    );
    expect(config.databaseUrl).toBe('postgres://u@db:5432/iop');
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(config.demo.enabled).toBe(false);
    expect(config.demo.participants).toBe(500);
    expect(config.embedded.dataDir).toBe('/var/lib/iop');
    expect(config.embedded.runtimeDir).toBe('/tmp/iop-pg');
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }, root).http.port).toBe(3000);
  });

  it('names every bad variable and why, without echoing secrets', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@x/y', DEMO_DATA: 'maybe' }, root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT must be a number (got "eighty")');
    expect(message).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(message).toContain('DEMO_DATA must be true or false (got "maybe")');
    expect(message).not.toContain('secret');
  });

  it('never lets the suppression threshold fall below 11', () => {
    expect(parseConfig({}, root).suppressionThreshold).toBe(11);
    expect(parseConfig({ SUPPRESSION_THRESHOLD: '20' }, root).suppressionThreshold).toBe(20);
    expect(() => parseConfig({ SUPPRESSION_THRESHOLD: '5' }, root)).toThrow(
      'SUPPRESSION_THRESHOLD must be at least 11',
    );
  });

  it('trusts no proxy unless TRUST_PROXY lists addresses or subnets', () => {
    expect(parseConfig({}, root).trustProxy).toEqual([]);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,loopback' }, root).trustProxy).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.org'])
      expect(() => parseConfig({ TRUST_PROXY: bad }, root)).toThrow(`TRUST_PROXY must list IP addresses or subnets`);
  });

  it('rejects an out-of-range port', () => {
    expect(() => parseConfig({ PORT: '70000' }, root)).toThrow('PORT must be between 1 and 65535');
  });
});
