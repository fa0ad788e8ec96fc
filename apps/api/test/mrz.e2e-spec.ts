// POST /api/mrz/check against the worked examples of ICAO Doc 9303 (specimen state Utopia, UTO):
// part 4 appendix A (TD3), part 5 appendix A (TD1) and part 6 appendix A (TD2).
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, signIn, testApp } from './utils';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

describe('MRZ check', () => {
  let app: NestExpressApplication;
  let token: string;
  const check = (lines: unknown) =>
    request(app.getHttpServer()).post('/api/mrz/check').set(bearer(token)).send({ lines });

  beforeAll(async () => {
    app = await testApp();
    token = await signIn(app, 'instructor1');
  });
  afterAll(() => app.close());

  it.each([
    ['TD3', TD3, 'L898902C3'],
    ['TD1', TD1, 'D23145890'],
    ['TD2', TD2, 'D23145890'],
  ])('the ICAO %s specimen is valid', async (format, lines, documentNumber) => {
    const res = await check(lines);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      valid: true,
      format,
      state: { code: 'UTO', known: true, training: true, name: 'Utopia' },
    });
    expect(res.body.fields.documentNumber).toBe(documentNumber);
    expect(res.body.fields.birthDate).toBe('740812');
    expect(res.body.checks.every((c: { valid: boolean }) => c.valid)).toBe(true);
  });

  it('a wrong check digit is reported on its field', async () => {
    const bad = [TD3[0], TD3[1].slice(0, 19) + '3' + TD3[1].slice(20)]; // birth-date check digit 2 → 3
    const res = await check(bad);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    const failed = res.body.checks.filter((c: { valid: boolean }) => !c.valid).map((c: { field: string }) => c.field);
    expect(failed).toContain('birthDateCheckDigit');
  });

  it('a real ICAO state is known; a state that exists nowhere is reported as unknown', async () => {
    const pak = (await check([TD3[0].replace('UTO', 'PAK'), TD3[1].replace('UTO', 'PAK')])).body;
    expect(pak.state).toMatchObject({ code: 'PAK', known: true, training: false });
    const nowhere = (await check([TD3[0].replace('UTO', 'QQX'), TD3[1].replace('UTO', 'QQX')])).body;
    expect(nowhere.state).toMatchObject({ code: 'QQX', known: false, training: false });
    expect(nowhere.valid).toBe(false);
  });

  it('malformed input → 400 with the reason', async () => {
    const short = await check([TD3[0], TD3[1].slice(0, 40)]);
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/44/);
    expect(short.body.details.reason).toBe('line-length');
    expect((await check([TD3[0].toLowerCase(), TD3[1]])).body.details.reason).toBe('charset');
    expect((await check(['only one line'])).status).toBe(400);
    expect((await check('not an array')).status).toBe(400);
  });
});
