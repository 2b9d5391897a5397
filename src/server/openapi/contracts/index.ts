import type { RouteContract } from '../contract.ts';
import { CAMPAIGNS } from './campaigns.ts';
import { COUNTER } from './counter.ts';
import { DEVICES } from './devices.ts';
import { PEOPLE } from './people.ts';
import { REPORTS } from './reports.ts';
import { SERVICE } from './service.ts';

/** Every route of the app, in the order the description lists them; tests/api/openapi.test.ts checks none is missing. */
export const ROUTE_CONTRACTS: readonly RouteContract[] = [...SERVICE, ...COUNTER, ...CAMPAIGNS, ...REPORTS, ...DEVICES, ...PEOPLE];
