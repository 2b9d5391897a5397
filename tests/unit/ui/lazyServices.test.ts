import { describe, expect, it } from 'vitest';
import { createLazyServices } from '../../../src/client/app/lazyServices.ts';
import { makeDb } from '../../helpers/uiFixtures.tsx';

describe('lazy services', () => {
  it('give the database at once and the network layer when its chunk arrives', async () => {
    const db = makeDb();
    const services = createLazyServices(db);
    expect(services.db).toBe(db);
    // Called before the chunk has loaded: waits for it, then runs against the same database.
    const outcome = services.sync.syncNow();
    expect((await services.ready).db).toBe(db);
    expect(await outcome).toEqual({ kind: 'not_enrolled' });
  });
});
