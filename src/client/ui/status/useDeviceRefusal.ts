import { useServices } from '../../app/ServicesContext.tsx';
import { readMeta } from '../../db/db.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';

/** The server's last word on this tablet: revoked by a manager, or its enrolment lapsed (null: neither). */
export type DeviceRefusal = 'revoked' | 'expired';

/**
 * Whether the server refuses this tablet, from the last sync's failure. It holds until a sync
 * succeeds again; the strip, the banner and "next customer" all read it from here.
 */
export function useDeviceRefusal(): DeviceRefusal | null {
  const { db } = useServices();
  const sync = useLiveQuery(() => readMeta(db, 'sync'), [db]);
  const reason = sync?.lastError;
  return reason === 'device_revoked' ? 'revoked' : reason === 'device_expired' ? 'expired' : null;
}
