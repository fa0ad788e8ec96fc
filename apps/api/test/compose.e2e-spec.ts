// The compose files, checked where there is no Docker: both are valid against the Compose Specification's JSON schema
// (vendored in fixtures/, see fixtures/README.md), and docker-compose.scale.yml describes replicas that can work
// together — one image, one database, one bucket, the same secrets, exactly one replica without image workers, a
// proxy routing to both — with settings the API's own config schema accepts. Where `docker compose` (and `caddy`) are
// installed, their own validators run too; elsewhere those two steps are skipped with a note.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ConfigSchema, loadConfig } from '../src/config/config';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCALE_FILE = path.join(ROOT, 'docker-compose.scale.yml');
const SERVER_FILE = path.join(ROOT, 'docker-compose.yml');

interface Service {
  build?: string | { context?: string; dockerfile?: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  restart?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

function readCompose(file: string): ComposeFile {
  // `merge`: YAML merge keys (`<<: *api`), which Compose resolves too.
  return parse(fs.readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
}

/** Compose's variable interpolation: `${X}`, `${X:-default}`, `${X-default}`, `${X:?error}`, `${X?error}`, `$$`. */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}/g,
    (whole, name?: string, colon?: string, op?: string, arg?: string) => {
      if (whole === '$$') return '$';
      const v = env[name!];
      const unset = colon ? !v : v === undefined;
      if (op === '-') return unset ? arg! : v!;
      if (op === '?' && unset) throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return v ?? '';
    },
  );
}

const SECRETS = {
  JWT_SECRET: 'jwt-secret-for-the-compose-spec-0123456789abcdef',
  MEDIA_URL_SECRET: 'media-url-secret-for-the-compose-spec-0123456789',
};

const compose = readCompose(SCALE_FILE);
const services = compose.services;
const apis = Object.entries(services).filter(([, s]) => s.environment?.DATABASE_URL !== undefined);
const resolvedEnv = (s: Service, env: Record<string, string | undefined> = SECRETS) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]));

describe('Compose Specification schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'compose-spec.json'), 'utf8'));
  // The schema names draft-07 by its https address; Ajv knows the meta-schema by its http one.
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false }).compile({
    ...schema,
    $schema: 'http://json-schema.org/draft-07/schema#',
  });

  it.each([
    ['docker-compose.scale.yml', SCALE_FILE],
    ['docker-compose.yml', SERVER_FILE],
  ])('%s is valid', (_name, file) => {
    expect(validate(readCompose(file))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects a misspelt key (the schema is not a pass-through)', () => {
    const broken = readCompose(SCALE_FILE);
    (broken.services.proxy as Record<string, unknown>).helthcheck = broken.services.proxy.healthcheck;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.some((e) => e.params && 'additionalProperty' in e.params)).toBe(true);
  });
});

describe('docker-compose.scale.yml: replicas that work together', () => {
  it('has two API replicas, built from the one Dockerfile into one image', () => {
    expect(apis.map(([name]) => name)).toEqual(['api-a', 'api-b']);
    const [a, b] = apis.map(([, s]) => s);
    expect(a.build).toBe('.');
    expect(b.build).toEqual(a.build);
    expect(a.image).toBeTruthy();
    expect(b.image).toBe(a.image);
    expect(fs.existsSync(path.join(ROOT, 'Dockerfile'))).toBe(true);
  });

  it('gives both the same database, secrets and S3 settings', () => {
    const [a, b] = apis.map(([, s]) => resolvedEnv(s));
    const shared = Object.keys(ConfigSchema.shape).filter(
      (k) => k === 'DATABASE_URL' || /SECRET|^S3_|^MEDIA_DRIVER$/.test(k),
    );
    expect(shared).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'MEDIA_URL_SECRET', 'S3_BUCKET']));
    for (const key of shared) expect([key, b[key]]).toEqual([key, a[key]]);
    expect(a).toMatchObject({
      MEDIA_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: 'true',
      TRUST_PROXY: 'true',
      ...SECRETS,
    });
  });

  it('requires JWT_SECRET and MEDIA_URL_SECRET from the environment, with a message', () => {
    const api = apis[0][1];
    expect(() => resolvedEnv(api, { MEDIA_URL_SECRET: SECRETS.MEDIA_URL_SECRET })).toThrow(
      /JWT_SECRET .*32\+ random characters/,
    );
    expect(() => resolvedEnv(api, { JWT_SECRET: SECRETS.JWT_SECRET })).toThrow(/MEDIA_URL_SECRET .*32\+ random/);
  });

  it('has exactly one replica without image workers, and one with', () => {
    const workers = apis.map(([, s]) => loadConfig(resolvedEnv(s)).MEDIA_WORKER_CONCURRENCY);
    expect(workers.filter((n) => n === 0)).toHaveLength(1);
    expect(workers.filter((n) => n > 0)).toHaveLength(1);
  });

  it('sets only variables the API reads, and each replica’s settings pass its config schema', () => {
    const known = new Set(Object.keys(ConfigSchema.shape));
    for (const [name, s] of apis) {
      const env = resolvedEnv(s);
      expect([name, Object.keys(env).filter((k) => !known.has(k))]).toEqual([name, []]);
      const config = loadConfig(env);
      expect(config).toMatchObject({
        MEDIA_DRIVER: 's3',
        S3_FORCE_PATH_STYLE: true,
        TRUST_PROXY: true,
        embedded: false,
      });
    }
  });

  it('gives each replica its own scratch volume at DATA_DIR (/var/lib/firstline in the image)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/DATA_DIR=\/var\/lib\/firstline\b/);
    const scratch = apis.map(([, s]) => (s.volumes ?? []).find((v) => v.endsWith(':/var/lib/firstline')));
    expect(scratch.every(Boolean)).toBe(true);
    expect(new Set(scratch).size).toBe(apis.length);
  });

  it('starts a replica only once the database is healthy and the bucket exists', () => {
    for (const [, s] of apis)
      expect(s.depends_on).toEqual({
        db: { condition: 'service_healthy' },
        'minio-bucket': { condition: 'service_completed_successfully' },
      });
    expect(services['minio-bucket'].depends_on).toEqual({ minio: { condition: 'service_healthy' } });
  });

  it('creates the bucket the replicas use, with the keys they use', () => {
    const env = resolvedEnv(apis[0][1]);
    const bucketJob = services['minio-bucket'];
    expect((bucketJob.command ?? []).map((c) => interpolate(c, SECRETS))).toEqual([
      'mb',
      '--ignore-existing',
      `store/${env.S3_BUCKET}`,
    ]);
    const mcHost = new URL(resolvedEnv(bucketJob).MC_HOST_store);
    expect(`${mcHost.protocol}//${mcHost.host}`).toBe(env.S3_ENDPOINT);
    expect([decodeURIComponent(mcHost.username), decodeURIComponent(mcHost.password)]).toEqual([
      env.S3_ACCESS_KEY_ID,
      env.S3_SECRET_ACCESS_KEY,
    ]);
    expect(resolvedEnv(services.minio)).toEqual({
      MINIO_ROOT_USER: env.S3_ACCESS_KEY_ID,
      MINIO_ROOT_PASSWORD: env.S3_SECRET_ACCESS_KEY,
    });
  });

  it('publishes only the proxy, on port 3000: replicas trust X-Forwarded-For because nothing else reaches them', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(services.proxy.ports!.map((p) => interpolate(p, {}))).toEqual(['3000:3000']);
  });

  it('routes the proxy to both replicas, with a health check on /api/health', () => {
    const mount = (services.proxy.volumes ?? []).find((v) => v.includes(':/etc/caddy/Caddyfile'));
    expect(mount).toBeDefined();
    const caddyfile = fs.readFileSync(path.join(ROOT, mount!.split(':')[0]), 'utf8');
    const upstreams = /^\s*reverse_proxy\s+([^{\n]+)\{/m.exec(caddyfile)?.[1].trim().split(/\s+/);
    expect(upstreams?.sort()).toEqual(apis.map(([name]) => `${name}:3000`).sort());
    expect(caddyfile).toMatch(/^\s*health_uri \/api\/health$/m);
    expect(caddyfile).toMatch(/^:3000 \{$/m);
  });

  it('gives every long-running service a health check and a restart policy', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'minio-bucket') {
        expect(s.restart).toBe('no');
        continue;
      }
      expect([name, s.restart]).toEqual([name, 'unless-stopped']);
      expect([name, s.healthcheck?.test?.length]).toEqual([name, expect.any(Number)]);
    }
    for (const [, s] of apis) expect(s.healthcheck!.test.join(' ')).toContain('/api/health');
  });
});

describe('the tools’ own validators, where installed', () => {
  const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;

  it('docker compose config accepts both files (and refuses the scaled one without the secrets)', () => {
    if (!has('docker', ['compose', 'version'])) {
      console.log('docker compose is not installed here: `docker compose config` skipped (the schema checks ran)');
      return;
    }
    const run = (file: string, env: Record<string, string>) =>
      spawnSync('docker', ['compose', '-f', file, 'config', '-q'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      });
    const scaled = run(SCALE_FILE, SECRETS);
    expect({ status: scaled.status, stderr: scaled.stderr }).toMatchObject({ status: 0 });
    expect(run(SERVER_FILE, { JWT_SECRET: SECRETS.JWT_SECRET }).status).toBe(0);
    const noSecret = run(SCALE_FILE, { JWT_SECRET: SECRETS.JWT_SECRET });
    expect(noSecret.status).not.toBe(0);
    expect(noSecret.stderr).toContain('MEDIA_URL_SECRET');
  });

  it('caddy adapts the Caddyfile into a proxy to both replicas', () => {
    if (!has('caddy', ['version'])) {
      console.log('caddy is not installed here: `caddy adapt` skipped (the Caddyfile was read as text)');
      return;
    }
    const out = spawnSync(
      'caddy',
      ['adapt', '--config', path.join(ROOT, 'deploy', 'Caddyfile'), '--adapter', 'caddyfile'],
      {
        encoding: 'utf8',
      },
    );
    expect(out.status).toBe(0);
    const handler = JSON.parse(out.stdout).apps.http.servers.srv0.routes[0].handle[0];
    expect(handler.handler).toBe('reverse_proxy');
    expect(handler.upstreams.map((u: { dial: string }) => u.dial).sort()).toEqual(apis.map(([n]) => `${n}:3000`));
    expect(handler.health_checks.active.uri).toBe('/api/health');
  });
});
