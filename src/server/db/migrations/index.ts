import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_campaign_authoring.ts';
import * as m0003 from './0003_reports.ts';
import * as m0004 from './0004_device_access.ts';
import * as m0005 from './0005_people.ts';
import * as m0006 from './0006_trust.ts';
import * as m0007 from './0007_rate_limits.ts';
import * as m0008 from './0008_audit_details.ts';

export interface Migration {
  version: number;
  name: string;
  /** Gets the current Schema type for convenience; a migration must only use what existed at its version. */
  up(db: Kysely<Schema>): Promise<void>;
}

/** Every migration the code knows, in order; versions are 1, 2, 3, … with no gap. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m0001.up },
  { version: 2, name: 'campaign_authoring', up: m0002.up },
  { version: 3, name: 'reports', up: m0003.up },
  { version: 4, name: 'device_access', up: m0004.up },
  { version: 5, name: 'people', up: m0005.up },
  { version: 6, name: 'trust', up: m0006.up },
  { version: 7, name: 'rate_limits', up: m0007.up },
  { version: 8, name: 'audit_details', up: m0008.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
