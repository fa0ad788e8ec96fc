// A map that forgets its least recently used entry beyond a capacity: for remembering rows that never change
// (exercise versions, ready media assets) without letting memory grow with the library.
export class BoundedMap<K, V> {
  /** Insertion-ordered: a read re-inserts, so the first key is the least recently used. */
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
