import { ObjectMemory } from './object-memory';

const stat = (size: number) => ({ size, etag: `e${size}`, modifiedAt: new Date(0) });

describe('ObjectMemory', () => {
  it('remembers stats and small bytes, and forgets the least recently used beyond its entry limit', () => {
    const memory = new ObjectMemory({ entries: 2, bytes: 1000, ageMs: 60_000 });
    memory.keep('a/1', stat(3), Buffer.from('abc'));
    memory.keep('a/2', stat(500));
    expect(memory.get('a/1')).toEqual({ stat: stat(3), bytes: Buffer.from('abc'), until: expect.any(Number) });
    memory.keep('b/1', stat(1)); // a/2 is now the least recently used
    expect(memory.get('a/2')).toBeNull();
    expect(memory.get('a/1')?.stat.size).toBe(3);
    expect(memory.get('b/1')?.bytes).toBeNull();
  });

  it('holds at most its byte budget, dropping the oldest bytes first, and never one object larger than it', () => {
    const memory = new ObjectMemory({ entries: 100, bytes: 10, ageMs: 60_000 });
    memory.keep('a/1', stat(6), Buffer.alloc(6));
    memory.keep('a/2', stat(6), Buffer.alloc(6));
    expect(memory.heldBytes()).toBe(6);
    expect(memory.get('a/1')).toBeNull();
    memory.keep('a/3', stat(11), Buffer.alloc(11));
    expect(memory.get('a/3')).toMatchObject({ stat: stat(11), bytes: null });
    expect(memory.heldBytes()).toBe(6);
  });

  it('forgets an entry once it is older than its age limit', () => {
    let now = 1000;
    const memory = new ObjectMemory({ entries: 10, bytes: 100, ageMs: 50 }, () => now);
    memory.keep('a/1', stat(2), Buffer.alloc(2));
    now = 1049;
    expect(memory.get('a/1')).not.toBeNull();
    now = 1050;
    expect(memory.get('a/1')).toBeNull();
    expect(memory.heldBytes()).toBe(0);
  });

  it('forgets one key, or every key of one asset', () => {
    const memory = new ObjectMemory({ entries: 10, bytes: 100, ageMs: 60_000 });
    for (const key of ['x/1', 'x/image_files/0/0_0.webp', 'y/1']) memory.keep(key, stat(1), Buffer.alloc(1));
    memory.forget('y/1');
    expect(memory.get('y/1')).toBeNull();
    memory.forgetUnder('x/');
    expect(memory.get('x/1')).toBeNull();
    expect(memory.get('x/image_files/0/0_0.webp')).toBeNull();
    expect(memory.heldBytes()).toBe(0);
  });
});
