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
});
