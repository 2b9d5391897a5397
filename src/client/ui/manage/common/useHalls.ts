import { useEffect } from 'preact/hooks';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { useManage } from '../ManageContext.tsx';

/** The halls this person may choose (from the campaign list); read once when a page needs them first. */
export function useHalls(): readonly Hall[] | null {
  const { halls, api, rememberHalls } = useManage();
  useEffect(() => {
    if (halls) return;
    let current = true;
    api.list().then(
      (list) => current && rememberHalls(list.halls),
      () => undefined, // the page shows its own load failure; hall names fall back to ids
    );
    return () => {
      current = false;
    };
  }, [halls, api, rememberHalls]);
  return halls;
}

/** The time zone to show a campaign's instants in: its first hall's, else this device's hall's. */
export function timeZoneOf(hallIds: readonly string[], halls: readonly Hall[] | null, fallback: string): string {
  const hall = halls?.find((h) => hallIds.includes(h.id));
  return hall?.timeZone ?? fallback;
}
