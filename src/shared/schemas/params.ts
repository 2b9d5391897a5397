import { z } from 'zod';
import { Id } from './common.ts';

/** Path parameters (`:campaignId` in apiPaths.ts): the routes parse them, the OpenAPI description lists them. */

export const CampaignParams = z.object({ campaignId: Id });
export const VersionParams = CampaignParams.extend({ versionId: Id });
export const DeviceParams = z.object({ deviceId: Id });
export const StaffParams = z.object({ staffId: Id });
export const HallParams = z.object({ hallId: Id });
export const EnrolmentCodeParams = z.object({ codeId: Id });
export const HeldRecordParams = z.object({ heldId: Id });
