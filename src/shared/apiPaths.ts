export const API = {
  health: '/api/v1/health',
  enrol: '/api/v1/devices/enrol',
  sessions: '/api/v1/sessions',
  currentSession: '/api/v1/sessions/current',
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
} as const;

/** Staff session token header; the device token travels as `Authorization: Bearer …`. */
export const SESSION_HEADER = 'x-staff-session';
