import type { ComponentType } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import type { Actor } from '../../db/fieldWrites.ts';
import { useI18n } from '../../i18n/index.ts';
import type { TodayVisitsProps } from '../visits/TodayVisits.tsx';

/** Opens today's visits (and the way to void one); the list is a chunk of its own, loaded on the first tap. */
export function TodayVisitsButton({ actor, timeZone }: { actor: Actor; timeZone: string }) {
  const { t } = useI18n();
  const [Panel, setPanel] = useState<ComponentType<TodayVisitsProps> | null>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const show = async () => {
    setOpen(true);
    if (!Panel) {
      const { TodayVisits } = await import('../visits/TodayVisits.tsx');
      setPanel(() => TodayVisits);
    }
  };
  return (
    <>
      <button type="button" class="btn btn-secondary" data-testid="open-today-visits" aria-haspopup="dialog" onClick={() => void show()}>
        {t('status.todayList')}
      </button>
      {open && Panel && <Panel actor={actor} timeZone={timeZone} onClose={close} />}
    </>
  );
}
