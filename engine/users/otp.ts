import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { invalid, tooMany } from '../errors/index.ts';
import { engineTable, exactFilters, insertRecord, searchRecords, updateMatching } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { stateTenantOf } from '../tenancy/index.ts';

/** What an OTP is for, as DIGIT's user-otp names it. */
export type OtpPurpose = 'register' | 'login' | 'passwordreset';
export const OTP_PURPOSES: readonly OtpPurpose[] = ['register', 'login', 'passwordreset'];

/** An OTP as stored: never the code itself, only a keyed hash of it. */
export interface OtpRecord {
  id: string;
  /** The state tenant: a user signs in at the state, whichever GP they work at. */
  tenantId: string;
  mobileNumber: string;
  purpose: OtpPurpose;
  userUuid?: string;
  codeHash: string;
  createdAt: number;
  expiresAt: number;
  /** Wrong guesses made while it was live. */
  attempts: number;
  usedAt?: number;
}

export const otpTable = engineTable<OtpRecord>({
  table: 'seva_otp',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  nulls: 'omitted',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    mobile_number: { path: 'mobileNumber', type: 'text', notNull: true },
    purpose: { path: 'purpose', type: 'text', notNull: true },
    user_uuid: { path: 'userUuid', type: 'text' },
    code_hash: { path: 'codeHash', type: 'text', notNull: true },
    created_at: { path: 'createdAt', type: 'bigint', notNull: true },
    expires_at: { path: 'expiresAt', type: 'bigint', notNull: true },
    attempts: { path: 'attempts', type: 'integer', notNull: true },
    used_at: { path: 'usedAt', type: 'bigint' },
  },
  indexes: [{ name: 'seva_otp_mobile_number_created_at_idx', expressions: ['mobile_number', 'created_at'] }],
});

export interface OtpPolicy {
  length: number;
  ttlMs: number;
  maxAttempts: number;
  sendsPerHour: number;
  /**
   * Key of the codes' hashes, kept outside the database (SEVA_OTP_PEPPER), so a copy of the table
   * does not let anyone try the million codes offline.
   */
  pepper: string;
}

const HOUR = 3600_000;
const hashOf = (policy: OtpPolicy, id: string, code: string) => createHmac('sha256', policy.pepper).update(`${id}:${code}`).digest('base64url');

export interface OtpTarget {
  tenantId: string;
  mobileNumber: string;
  purpose: OtpPurpose;
  userUuid?: string;
}

/**
 * A new OTP for a mobile number, unless it has had its share this hour (counted from the table,
 * so every Seva process sees the same count). Returns the code, to be sent and forgotten.
 */
export async function issueOtp(db: Db, policy: OtpPolicy, target: OtpTarget, now: number): Promise<{ code: string; expiresAt: number }> {
  const since = now - HOUR;
  const recent = await searchRecords(db, otpTable, {
    filters: exactFilters({ mobileNumber: target.mobileNumber }),
    also: (eb) => eb('created_at', '>', since),
    sort: [['createdAt', 'asc']],
    page: { offset: 0, limit: policy.sendsPerHour },
  });
  if (recent.length >= policy.sendsPerHour) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]!.createdAt + HOUR - now) / 1000));
    throw tooMany('OTP_SEND_LIMIT', `${policy.sendsPerHour} OTPs were sent to this mobile number in the last hour; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, retryAfter);
  }
  const id = randomUUID();
  const code = String(randomInt(0, 10 ** policy.length)).padStart(policy.length, '0');
  const expiresAt = now + policy.ttlMs;
  await insertRecord(db, otpTable, { id, tenantId: stateTenantOf(target.tenantId), mobileNumber: target.mobileNumber, purpose: target.purpose, userUuid: target.userUuid, codeHash: hashOf(policy, id, code), createdAt: now, expiresAt, attempts: 0 });
  return { code, expiresAt };
}

const matches = (policy: OtpPolicy, otp: OtpRecord, code: string) => {
  const expected = Buffer.from(otp.codeHash);
  const given = Buffer.from(hashOf(policy, otp.id, code));
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/**
 * Uses an OTP: the one sent to the number for the purpose (at the tenant's state, for the user
 * when one is named) whose code this is. A code used before, one past its time, and one that matches nothing are each refused with
 * their own code; a wrong guess counts against every live OTP of the number, which is spent after
 * `maxAttempts` of them. Call it outside a transaction that a refusal rolls back, or the guesses
 * are not counted.
 */
export async function consumeOtp(db: Db, policy: OtpPolicy, target: OtpTarget, code: string, now: number): Promise<OtpRecord> {
  const path = '$.otpReference';
  const tenantId = stateTenantOf(target.tenantId);
  const candidates = await searchRecords(db, otpTable, {
    filters: exactFilters({ tenantId, mobileNumber: target.mobileNumber, purpose: target.purpose, userUuid: target.userUuid }),
    also: (eb) => eb('created_at', '>', now - 24 * HOUR),
    sort: [['createdAt', 'desc']],
    page: { offset: 0, limit: 50 },
  });
  const matched = /^[0-9]{4,10}$/.test(code) ? candidates.find((otp) => matches(policy, otp, code)) : undefined;
  if (matched) {
    if (matched.usedAt !== undefined) throw invalid('OTP_ALREADY_USED', 'this OTP has been used already; ask for a new one', path);
    if (matched.expiresAt <= now) throw invalid('OTP_EXPIRED', 'this OTP has expired; ask for a new one', path);
    if (matched.attempts >= policy.maxAttempts) throw invalid('OTP_ATTEMPTS_EXCEEDED', 'too many wrong OTPs were tried; ask for a new one', path);
    // One statement, so two requests with the same code cannot both use it.
    const [used] = await updateMatching(db, otpTable, { filters: exactFilters({ id: matched.id }), also: (eb) => eb.and([eb('used_at', 'is', null), eb('attempts', '<', policy.maxAttempts)]) }, { usedAt: now });
    if (!used) throw invalid('OTP_ALREADY_USED', 'this OTP has been used already; ask for a new one', path);
    return used;
  }
  let guessed = db
    .updateTable(otpTable.root.table)
    .set({ attempts: sql`attempts + 1` })
    .where('tenant_id', '=', tenantId)
    .where('mobile_number', '=', target.mobileNumber)
    .where('purpose', '=', target.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', policy.maxAttempts);
  if (target.userUuid) guessed = guessed.where('user_uuid', '=', target.userUuid);
  const live = await guessed.returning('attempts').execute();
  const left = live.length > 0 ? Math.max(...live.map((r) => policy.maxAttempts - Number(r.attempts))) : 0;
  if (live.length > 0 && left === 0) throw invalid('OTP_ATTEMPTS_EXCEEDED', 'too many wrong OTPs were tried; ask for a new one', path);
  throw invalid('OTP_INVALID', live.length > 0 ? `the OTP is wrong; ${left} more tr${left === 1 ? 'y' : 'ies'} before it is spent` : 'the OTP is wrong or none was sent', path);
}

