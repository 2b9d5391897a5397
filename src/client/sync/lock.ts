/**
 * One sync at a time per device: across tabs with Web Locks, within a page with a promise chain
 * (the fallback also covers browsers and test environments without `navigator.locks`).
 */
const held = new Set<string>();

export async function withExclusiveLock<T>(name: string, work: () => Promise<T>): Promise<T | 'busy'> {
  if (held.has(name)) return 'busy';
  held.add(name);
  try {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return await work();
    let result: T | 'busy' = 'busy';
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock) result = await work();
    });
    return result;
  } finally {
    held.delete(name);
  }
}
