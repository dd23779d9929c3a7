/**
 * A Map filled on first read: the snapshot's card texts are tens of thousands of entries that most starts
 * never read (relinking reads them only when a card with history left the notes). Entries set before
 * then are kept aside and set after the fill, so the map is as if it had been filled first.
 */
export class LazyMap<K, V> extends Map<K, V> {
  private fill: (() => Iterable<readonly [K, V]>) | undefined;
  private setEarly: [K, V][] = [];

  constructor(fill: () => Iterable<readonly [K, V]>) {
    super();
    this.fill = fill;
  }

  private fillOnce(): void {
    const fill = this.fill;
    if (!fill) return;
    this.fill = undefined;
    for (const [key, value] of fill()) super.set(key, value);
    for (const [key, value] of this.setEarly) super.set(key, value);
    this.setEarly = [];
  }

  override get size(): number {
    this.fillOnce();
    return super.size;
  }

  override get(key: K): V | undefined {
    this.fillOnce();
    return super.get(key);
  }

  override has(key: K): boolean {
    this.fillOnce();
    return super.has(key);
  }

  override set(key: K, value: V): this {
    if (this.fill) {
      this.setEarly.push([key, value]);
      return this;
    }
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.fillOnce();
    return super.delete(key);
  }

  override clear(): void {
    this.fill = undefined;
    this.setEarly = [];
    super.clear();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.fillOnce();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[K, V]> {
    this.fillOnce();
    return super.entries();
  }

  override keys(): MapIterator<K> {
    this.fillOnce();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.fillOnce();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.fillOnce();
    return super.entries();
  }
}
