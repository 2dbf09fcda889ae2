/**
 * A set that remembers at most `capacity` keys, forgetting the oldest first: memory for "seen this
 * event" and "answered in this thread" that stays bounded however long the bot runs.
 */
export class BoundedSet {
  readonly #capacity: number;
  readonly #keys = new Set<string>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`BoundedSet: capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#keys.size;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Adds `key` (refreshing it if present); returns false when it was already there. */
  add(key: string): boolean {
    const isNew = !this.#keys.delete(key);
    this.#keys.add(key);
    while (this.#keys.size > this.#capacity) {
      const oldest = this.#keys.values().next();
      if (oldest.done) break;
      this.#keys.delete(oldest.value);
    }
    return isNew;
  }
}
