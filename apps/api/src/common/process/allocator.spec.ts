import { findJemalloc, JEMALLOC_LINK, withoutJemalloc } from './allocator';

describe('findJemalloc', () => {
  it("prefers the image's link, then Debian's multiarch places, else null", () => {
    const debian = '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2';
    expect(findJemalloc((f) => f === JEMALLOC_LINK || f === debian)).toBe(JEMALLOC_LINK);
    expect(findJemalloc((f) => f === debian)).toBe(debian);
    expect(findJemalloc(() => false)).toBeNull();
  });
});

describe('withoutJemalloc', () => {
  it('drops jemalloc and its settings from a child’s environment, keeping the rest', () => {
    const env = { PATH: '/usr/bin', LD_PRELOAD: JEMALLOC_LINK, MALLOC_CONF: 'background_thread:true' };
    expect(withoutJemalloc(env)).toEqual({ PATH: '/usr/bin' });
  });

  it('keeps other preloaded libraries', () => {
    const env = { LD_PRELOAD: `/opt/trace.so ${JEMALLOC_LINK}:/opt/other.so`, MALLOC_CONF: 'x' };
    expect(withoutJemalloc(env)).toEqual({ LD_PRELOAD: '/opt/trace.so /opt/other.so' });
  });

  it('leaves an environment without jemalloc as it is', () => {
    const env = { LD_PRELOAD: '/opt/trace.so', MALLOC_CONF: 'x' };
    expect(withoutJemalloc(env)).toBe(env);
  });
});
