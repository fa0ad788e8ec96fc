// What the fuzzer knows of the running system before it starts: ids of the seeded data by resource, things made
// for fuzzed DELETEs to remove, signed media URLs, a real refresh cookie, and strings and objects of the seeded
// data's responses (titles, MRZ lines, module settings that agree with each other) to build realistic inputs from.
// Read once, before the run, so that a seed replays the same requests.
import { REFRESH_COOKIE } from '@firstline/contracts';
import type { Known } from './schema-arbitrary';

export type FuzzRole = 'trainee' | 'instructor' | 'supervisor' | 'admin';

export interface ApiResponse {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes, read field by field
  body: any;
  setCookies: string[];
}

/** A plain JSON request as one of the signed-in roles (or anonymous). */
export type Api = (path: string, role?: FuzzRole, init?: { method?: string; body?: unknown }) => Promise<ApiResponse>;

/** Short strings of the seeded data by property name (titles, codes, MRZ lines …), up to 20 of each. */
function stringsByKey(values: unknown[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key && value.length <= 100 && !/^[0-9a-f-]{36}$/.test(value)) (out[key] ??= new Set()).add(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  values.forEach((value) => walk(value, ''));
  return Object.fromEntries(Object.entries(out).map(([k, set]) => [k, [...set].slice(0, 20)]));
}

/** Every object inside the seeded data's responses, up to 2,000. */
function objectsIn(values: unknown[]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if (out.length < 2000) out.push(value as Record<string, unknown>);
      Object.values(value).forEach(walk);
    }
  };
  values.forEach(walk);
  return out;
}

async function created(api: Api, path: string, role: FuzzRole, body: object): Promise<string> {
  const res = await api(path, role, { method: 'POST', body });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
  return res.body.id;
}

/** One of each thing a fuzzed DELETE may remove, made for it in the instructor's unit. */
async function deletables(api: Api, moduleVersionId: string, password: string): Promise<Record<string, string[]>> {
  const instructor = (await api('/api/auth/me', 'instructor')).body as { id: string; unitId: string };
  const unitId = instructor.unitId;
  const cohortId = await created(api, '/api/cohorts', 'admin', {
    name: 'Fuzz cohort',
    unitId,
    instructorIds: [instructor.id],
  });
  const user = { username: 'fuzz.trainee', displayName: 'Fuzz Trainee', role: 'trainee', unitId, password };
  const specimen = { title: 'Fuzz specimen', issuingState: 'UTO', documentType: 'TD3' };
  const assignment = { moduleVersionId, cohortId, opensAt: new Date().toISOString() };
  return {
    units: [await created(api, '/api/units', 'admin', { name: 'Fuzz unit', code: 'FUZZ-1' })],
    users: [await created(api, '/api/users', 'admin', user)],
    cohorts: [cohortId],
    specimens: [await created(api, '/api/specimens', 'instructor', specimen)],
    assignments: [await created(api, '/api/assignments', 'instructor', assignment)],
  };
}

/**
 * Reads the seeded data (and starts the trainee's attempts on every assignment, so attempt routes have real ids).
 * `actors` are the fuzzing accounts: their ids stay out of the pools, or a fuzzed PATCH could deactivate one.
 */
export async function knownValues(
  api: Api,
  actors: Record<FuzzRole, string>,
  password: string,
  refreshCookieUser: string,
): Promise<Known> {
  const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);
  const actorIds = new Set<string>();
  for (const role of Object.keys(actors) as FuzzRole[]) actorIds.add((await api('/api/auth/me', role)).body.id);
  const texts: string[] = [];
  const get = async (path: string, role: FuzzRole) => {
    const res = await api(path, role);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
    texts.push(res.text);
    return res.body;
  };

  const users = ids((await get('/api/users?limit=200', 'admin')).items).filter((id) => !actorIds.has(id));
  const specimens = ids((await get('/api/specimens?limit=200', 'instructor')).items);
  const images: string[] = [];
  const media: string[] = [];
  for (const id of specimens) {
    for (const image of (await get(`/api/specimens/${id}`, 'instructor')).images as Array<{
      id: string;
      asset: { id: string };
    }>) {
      images.push(image.id);
      media.push(image.asset.id);
    }
  }
  const exercises = ids((await get('/api/exercises?limit=200', 'instructor')).items);
  for (const id of exercises) await get(`/api/exercises/${id}`, 'instructor');
  const modules = (await get('/api/modules', 'instructor')) as Array<{
    id: string;
    publishedVersion: { id: string } | null;
  }>;
  for (const { id } of modules) await get(`/api/modules/${id}`, 'instructor');
  const moduleVersions = modules.flatMap((m) => (m.publishedVersion ? [m.publishedVersion.id] : []));
  const units = ids(await get('/api/units', 'admin'));
  const cohorts = ids(await get('/api/cohorts', 'admin'));
  await get('/api/assignments', 'admin');
  const assignments = ids(await get('/api/me/assignments', 'trainee'));
  const attempts: string[] = [];
  for (const assignmentId of assignments) {
    const res = await api('/api/attempts', 'trainee', { method: 'POST', body: { assignmentId } });
    // The demo certification's documents are generated per officer, and this server generates none: told so, skipped.
    if (res.status === 409 && (res.body as { details?: { reason?: string } }).details?.reason === 'preparing') continue;
    if (res.status >= 300) throw new Error(`POST /api/attempts: ${res.status} ${res.text}`);
    attempts.push(res.body.id);
    texts.push(res.text);
    // Item 1 shown, so that an answer to it gets past "not shown yet" into the scoring.
    await get(`/api/attempts/${res.body.id}/items/1`, 'trainee');
  }

  const login = await api('/api/auth/login', undefined, {
    method: 'POST',
    body: { username: refreshCookieUser, password },
  });
  const refreshCookie = login.setCookies.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!refreshCookie) throw new Error(`no refresh cookie for ${refreshCookieUser}`);

  const signed = [...texts.join('\n').matchAll(/\/api\/media\/s\/([^/"]+)\/([^"]+)"/g)];
  const parsed = texts.map((t) => JSON.parse(t) as unknown);
  const strings = stringsByKey(parsed);
  return {
    ids: {
      users,
      units,
      cohorts,
      specimens,
      images,
      media,
      exercises,
      modules: ids(modules),
      moduleVersions,
      assignments,
      attempts,
    },
    // One attempt for POST …/finish to end; the others stay open for answers.
    deletable: { ...(await deletables(api, moduleVersions[0], password)), attempts: attempts.slice(-1) },
    objects: objectsIn(parsed),
    strings: {
      ...strings,
      lines: strings.mrz ?? [], // POST /api/mrz/check takes the lines an exercise shows as `mrz`
      username: [...Object.values(actors), refreshCookieUser, 'nobody'],
      password: [password],
      currentPassword: [password], // a change of password goes through now and then (access tokens stay valid)
      refreshCookie: [refreshCookie.slice(REFRESH_COOKIE.length + 1).split(';')[0]],
      token: [...new Set(signed.map((m) => m[1]))],
      file: [...new Set(signed.map((m) => m[2]).filter((f) => !f.includes('/')))],
    },
  };
}
