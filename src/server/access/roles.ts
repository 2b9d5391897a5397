import { StaffRole } from '../../shared/schemas/reference.ts';

/** Who may use a group of routes: the routes' hooks and their OpenAPI description read the same list. */

/** Reports: everyone signed in (reports/scope.ts narrows what each one sees). */
export const EVERY_ROLE: readonly StaffRole[] = StaffRole.options;
/** The manager pages: a manager for their own hall, an admin for every hall. */
export const MANAGERS: readonly StaffRole[] = ['manager', 'admin'];
/** Deployment-wide records, such as the campaign audit log. */
export const ADMINS: readonly StaffRole[] = ['admin'];
