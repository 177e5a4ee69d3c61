import type { Kind } from '../../kind.ts';
import { checkOtpPolicy } from './check.ts';
import { otpSchema } from './schema.ts';
import type { OTPPolicyDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** The OTP policy and texts; the registry keeps the one policy (empty: the engine's defaults). */
export const otpKind: Kind<'otp', OTPPolicyDefinition, OTPPolicyDefinition> = {
  name: 'otp',
  folder: 'otp',
  plural: 'OTP policies',
  schema: otpSchema,
  key: 'otp',
  check: (files) => checkOtpPolicy(files),
  count: (policy) => `${Object.keys(policy.messages ?? {}).length} OTP text(s)`,
};
