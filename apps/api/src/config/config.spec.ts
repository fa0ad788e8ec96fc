import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults and turns on demo seeding for the embedded database', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.embedded).toBe(true);
    expect(c.SEED_DEMO).toBe(true);
    expect(c.MEDIA_DIR.endsWith('data/media')).toBe(true);
  });

  it('does not seed demo users on a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).SEED_DEMO).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT: expected a number/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: expected a postgres/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO: expected true or false/],
    ['JWT_SECRET', 'short', /JWT_SECRET: must be at least 32/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('validates the media settings, and S3 settings only when MEDIA_DRIVER=s3', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      UPLOAD_MAX_PIXELS: 100_000_000,
      MEDIA_DRIVER: 'local',
      MEDIA_WORKER_CONCURRENCY: 2,
      MEDIA_URL_TTL: 900,
    });
    expect(() => loadConfig({ MEDIA_DRIVER: 'ftp' })).toThrow(/MEDIA_DRIVER: expected local or s3/);
    expect(() => loadConfig({ MEDIA_DRIVER: 's3', S3_REGION: 'eu-central-1' })).toThrow(
      /S3_BUCKET: required when MEDIA_DRIVER=s3/,
    );
    expect(() =>
      loadConfig({
        MEDIA_DRIVER: 's3',
        S3_REGION: 'r',
        S3_BUCKET: 'Bad_Bucket',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      }),
    ).toThrow(/S3_BUCKET: expected an S3 bucket name/);
    expect(
      loadConfig({
        MEDIA_DRIVER: 's3',
        S3_REGION: 'r',
        S3_BUCKET: 'firstline-media',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      }).MEDIA_DRIVER,
    ).toBe('s3');
    expect(() => loadConfig({ MEDIA_URL_SECRET: 'short' })).toThrow(/MEDIA_URL_SECRET: must be at least 32/);
  });

  it('sets the HTTP server’s timeouts, and refuses ones that cannot work', () => {
    expect(loadConfig({})).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 30_000,
      HTTP_REQUEST_TIMEOUT_MS: 300_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65_000,
    });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS: expected a number/);
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '1.5' })).toThrow(
      /HTTP_KEEP_ALIVE_TIMEOUT_MS: expected an integer/,
    );
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '20000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS \(20000\)/,
    );
  });

  it('sets the item analysis minimum of responses, and refuses a bad one in words', () => {
    expect(loadConfig({}).ITEM_ANALYSIS_MIN_RESPONSES).toBe(10);
    expect(loadConfig({ ITEM_ANALYSIS_MIN_RESPONSES: '25' }).ITEM_ANALYSIS_MIN_RESPONSES).toBe(25);
    expect(() => loadConfig({ ITEM_ANALYSIS_MIN_RESPONSES: 'many' })).toThrow(
      /ITEM_ANALYSIS_MIN_RESPONSES: expected a number \(got "many"\)/,
    );
    expect(() => loadConfig({ ITEM_ANALYSIS_MIN_RESPONSES: '0' })).toThrow(/ITEM_ANALYSIS_MIN_RESPONSES/);
  });
});
