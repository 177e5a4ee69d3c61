import type { EndpointAccess } from '../../access/index.ts';
import type { Clock } from '../../clock/index.ts';
import { invalid } from '../../errors/index.ts';
import { searchOutbox, type SmsSender } from '../../sms/index.ts';
import type { Db } from '../../store/index.ts';
import {
  changeOwnPassword,
  registerCitizen,
  resetPasswordWithOtp,
  sendOtp,
  updateOwnProfile,
  userView,
  type OtpSettings,
  type SessionPolicy,
  type UserChecks,
  type UserInput,
} from '../../users/index.ts';
import type { HttpRequest, Route } from '../route.ts';
import type { CallLimits } from '../call-limits.ts';
import { tokenAnswer } from './token-answer.ts';
import { smsOutboxDoc, userFlowDocs } from './user-flows-docs.ts';

export const USER_FLOW_PATHS = {
  'user.profile.update': '/user/profile/_update',
  'user.password.update': '/user/password/_update',
  'user.password.nologin': '/user/password/nologin/_update',
  'otp.send': '/user-otp/v1/_send',
  'user.citizen.create': '/user/citizen/_create',
} as const;
export const SMS_PATHS = { 'sms.outbox.search': '/seva/sms/v1/_search' } as const;

export interface UserFlowDeps {
  db: Db;
  clock: Clock;
  checks: UserChecks;
  sessions: SessionPolicy;
  otp: OtpSettings;
  sms: SmsSender;
  grant: (endpointId: string) => EndpointAccess;
  timeZone: string;
  /** The security policy's rate limits (otpSend, passwordReset), per account and client address. */
  limits: CallLimits;
}

function objectAt(req: HttpRequest, key: string): Record<string, unknown> {
  const value = req.body[key];
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid('INVALID_REQUEST', `the request must carry ${key} as an object under "${key}"`, `$.${key}`);
  return value as Record<string, unknown>;
}

/** The account a call names, for its rate limit: the user name or mobile number at its tenant. */
const accountOf = (tenantId: unknown, name: unknown) => (typeof name === 'string' && name !== '' ? `${typeof tenantId === 'string' ? tenantId : ''}/${name}` : undefined);

/** DIGIT's egov-user answers a password change with a bare responseInfo (status 200). */
const passwordChanged = (req: HttpRequest) => ({ responseInfo: { ...(req.respond({}).ResponseInfo as object), status: '200' } });

/** The user's own flows: profile, password change and reset, OTPs, citizen registration. */
export function userFlowRoutes(deps: UserFlowDeps): Route[] {
  const { db, clock } = deps;
  const route = (endpoint: keyof typeof USER_FLOW_PATHS, handle: Route['handle']): Route => ({
    path: USER_FLOW_PATHS[endpoint],
    endpoint,
    doc: userFlowDocs[endpoint],
    access: deps.grant(endpoint),
    // Each acts on the caller, or (public) on the user its OTP names: no tenant to be granted at.
    tenants: () => [],
    handle,
  });
  return [
    route('user.profile.update', async (req) => {
      const user = await db.transaction().execute((trx) => updateOwnProfile(trx, req.caller!, objectAt(req, 'user') as UserInput, clock.now()));
      return { responseInfo: req.respond({}).ResponseInfo, user: [userView(user, deps.timeZone)] };
    }),
    route('user.password.update', async (req) => {
      await changeOwnPassword(db, req.caller!, req.body, clock.now());
      return passwordChanged(req);
    }),
    route('user.password.nologin', async (req) => {
      await deps.limits.hit('passwordReset', req, accountOf(req.body.tenantId, req.body.userName));
      // Not in a transaction: a wrong guess must count even though the request fails.
      await resetPasswordWithOtp(db, deps.otp, req.body, clock.now());
      return passwordChanged(req);
    }),
    route('otp.send', async (req) => {
      const otp = objectAt(req, 'otp');
      await deps.limits.hit('otpSend', req, accountOf(otp.tenantId, otp.mobileNumber));
      await sendOtp({ db, settings: deps.otp, sms: deps.sms, checks: deps.checks }, otp, clock.now());
      return { responseInfo: null, isSuccessful: true };
    }),
    route('user.citizen.create', async (req) => {
      const user = await registerCitizen(db, deps.otp, objectAt(req, 'user') as UserInput, clock.now(), deps.checks);
      return tokenAnswer(deps, user);
    }),
  ];
}

/** The development outbox, for an admin (tests and people trying Seva read OTPs here). */
export function smsRoutes(db: Db, access: EndpointAccess, stateTenant: () => string): Route[] {
  return [
    {
      path: SMS_PATHS['sms.outbox.search'],
      endpoint: 'sms.outbox.search',
      doc: smsOutboxDoc,
      access,
      tenants: (req) => [typeof req.body.tenantId === 'string' && req.body.tenantId !== '' ? req.body.tenantId : stateTenant()],
      handle: async (req) => {
        const { recipient, tenantId, limit } = req.body;
        if (recipient !== undefined && recipient !== null && typeof recipient !== 'string') throw invalid('INVALID_SEARCH_CRITERIA', 'recipient must be text', '$.recipient');
        if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 500)) throw invalid('INVALID_SEARCH_CRITERIA', 'limit must be a whole number from 1 to 500', '$.limit');
        const messages = await searchOutbox(db, { recipient: (recipient as string | null) || undefined, tenantId: typeof tenantId === 'string' && tenantId !== '' ? tenantId : undefined, limit: (limit as number | undefined) ?? 50 });
        return req.respond({ messages });
      },
    },
  ];
}
