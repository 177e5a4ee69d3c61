import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { User } from './user.ts';

/** DIGIT's egov-user writes its dates as text in these patterns (Jackson @JsonFormat). */
const DATE_TIME = 'dd-MM-yyyy HH:mm:ss';

function dateTimeText(epochMs: number | undefined, timeZone: string): string | null {
  return epochMs === undefined ? null : format(new TZDate(epochMs, timeZone), DATE_TIME);
}

/**
 * A user as DIGIT's user search and login answer it: profile details at the top level, dates as
 * text, `defaultPwdChgd` and `accountLocked` as booleans. The app parses exactly these types.
 */
export function userView(user: User, timeZone: string): Record<string, unknown> {
  const { profile, defaultPwdChgd, dob, ...rest } = user;
  return {
    ...profile,
    ...rest,
    defaultPwdChgd: defaultPwdChgd ?? false,
    accountLocked: user.accountLocked ?? false,
    accountLockedDate: user.accountLockedDate ?? null,
    dob: dob ?? null,
    createdDate: dateTimeText(user.auditDetails?.createdTime, timeZone),
    lastModifiedDate: dateTimeText(user.auditDetails?.lastModifiedTime, timeZone),
    // Seva does not expire passwords by date (yet): no expiry to state.
    pwdExpiryDate: null,
  };
}
