import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';

describe('CLI', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  it.each([
    [['--state', 'UTO'], '--out'],
    [['--out', 'x', '--state', 'ATL'], '--state'],
    [['--out', 'x', '--type', 'td2'], '--type'],
    [['--out', 'x', '--count', '0'], '--count'],
    [['--out', 'x', '--count', 'many'], '--count'],
    [['--out', 'x', '--genuine-ratio', '1.5'], '--genuine-ratio'],
    [['--out', 'x', '--fraud-types', 'forged:everything'], '--fraud-types'],
    [['--out', 'x', '--dpi', '9000'], '--dpi'],
    [['--out', 'x', '--lights', 'xray'], '--lights'],
    [['--out', 'x', '--colour', 'red'], "'--colour'"],
  ])('exits 2 naming the flag for %j', async (args, flag) => {
    expect(await runCli(args, () => undefined)).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(flag);
  });

  describe('a batch of two TD3 instances', () => {
    const args = ['--state', 'UTO', '--type', 'td3', '--count', '2', '--seed', '7'];
    args.push('--dpi', '60', '--genuine-ratio', '0.5');
    let out: string;
    let code: number;
    const lines: string[] = [];
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'forge-cli-'));
      code = await runCli([...args, '--out', out], (l) => lines.push(l));
    });
    afterAll(() => rm(out, { recursive: true, force: true }));

    it('exits 0 with one log line per instance', () => {
      expect(code).toBe(0);
      expect(lines).toHaveLength(2);
    });

    it('writes one folder per instance with one image per light and instance.json', async () => {
      expect((await readdir(out)).sort()).toEqual(['0000', '0001', 'batch.json']);
      expect((await readdir(join(out, '0000'))).sort()).toEqual([
        'instance.json',
        'ir.png',
        'oblique-1.png',
        'oblique-2.png',
        'oblique-3.png',
        'transmitted.png',
        'traveller.png',
        'uv254.png',
        'uv365.png',
        'visible.png',
      ]);
    });

    it('writes the document, its features and its ground truth into instance.json', async () => {
      const json = JSON.parse(await readFile(join(out, '0001', 'instance.json'), 'utf8'));
      expect(json).toMatchObject({ documentType: 'TD3', dpi: 60 });
      expect(json.mrz).toHaveLength(2);
      expect(json.viz.length).toBeGreaterThan(8);
      expect(json.features[0]).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          category: expect.any(String),
          lights: expect.any(Array),
          polygon: expect.any(Array),
        }),
      );
      expect(json.truth).toEqual(
        expect.objectContaining({
          verdict: expect.any(String),
          fraudType: expect.any(String),
          regions: expect.any(Array),
          explanation: expect.any(String),
        }),
      );
    });

    it('lists the instances with their verdicts in batch.json', async () => {
      const batch = JSON.parse(await readFile(join(out, 'batch.json'), 'utf8'));
      expect(batch.items.map((i: { verdict: string }) => i.verdict).sort()).toEqual(['fraudulent', 'genuine']);
    });

    it('same seed, same bytes: a second run writes identical files', async () => {
      const again = await mkdtemp(join(tmpdir(), 'forge-cli-'));
      try {
        await runCli([...args, '--out', again], () => undefined);
        for (const folder of ['0000', '0001']) {
          for (const f of await readdir(join(out, folder))) {
            expect((await readFile(join(again, folder, f))).equals(await readFile(join(out, folder, f)))).toBe(true);
          }
        }
      } finally {
        await rm(again, { recursive: true, force: true });
      }
    });
  });
});
