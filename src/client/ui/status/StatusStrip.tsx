import type { StaffMember } from '../../../shared/schemas/reference.ts';
import { personName, pick, useI18n } from '../../i18n/index.ts';
import type { Enrolment } from '../../db/db.ts';
import type { Actor } from '../../db/fieldWrites.ts';
import { DemoMark } from '../common/DemoMark.tsx';
import { SessionControls } from './SessionControls.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { TodayCounts } from './TodayCounts.tsx';
import { TodayVisitsButton } from './TodayVisitsButton.tsx';

interface Props {
  enrolment: Enrolment;
  staff: StaffMember | undefined;
  staffId: string;
  visitOpen: boolean;
  actor: Actor;
  /** Signed in with a session the server issued: the reports can be read. */
  online: boolean;
}

/**
 * Always visible at the top of the counter, in one row at both tablet orientations: who, today's
 * counts, sync state, today's visits, language and the menu (reports, manager pages, sign-out).
 */
export function StatusStrip({ enrolment, staff, staffId, visitOpen, actor, online }: Props) {
  const { t, lang } = useI18n();
  const manager = staff?.role === 'manager' || staff?.role === 'admin';
  return (
    <header class="status-strip">
      <div class="who">
        {/* The counter's one heading: whose counter this is. */}
        <h1 class="who-name" data-testid="signed-in-name">
          {staff ? personName(staff, lang) : '—'}
        </h1>
        <span class="who-meta">
          {staff ? t(`role.${staff.role}`) + ' · ' : ''}
          {pick(enrolment.hall.name, lang)}
        </span>
      </div>
      <DemoMark demo={enrolment.demo} />
      <TodayCounts staffId={staffId} timeZone={enrolment.hall.timeZone} />
      <SyncStatus viewer={{ staffId, seesAll: manager }} />
      <TodayVisitsButton actor={actor} timeZone={enrolment.hall.timeZone} />
      <SessionControls visitOpen={visitOpen} canManage={manager} canReport={online} />
    </header>
  );
}
