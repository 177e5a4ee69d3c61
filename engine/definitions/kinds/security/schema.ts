import type { JsonSchema } from '../../kind.ts';
import { rateLimit as limit, roles } from '../schema-parts.ts';

const positive = { type: 'integer', minimum: 1 };
const limits = {
  title: 'Rate limits',
  type: 'object',
  additionalProperties: false,
  properties: {
    perAccount: { ...limit, description: 'Calls naming one account (user name or mobile number, at its tenant).' },
    perAddress: { ...limit, description: 'Calls from one client address.' },
  },
};

export const securitySchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/security.schema.json',
  title: 'Security policy definition',
  description:
    'How sign-in is protected: account lockout after failed logins, rate limits on login, OTP and password reset, and which roles may grant which roles where. Without a policy the engine locks after 5 failures in 30 minutes for 60 minutes, limits nothing, and only SUPERUSER grants roles.',
  type: 'object',
  additionalProperties: false,
  properties: {
    lockout: {
      type: 'object',
      additionalProperties: false,
      required: ['attempts', 'withinMinutes', 'lockMinutes'],
      description: "DIGIT's egov-user: `attempts` failed logins within `withinMinutes` lock the account for `lockMinutes`, even with the right password.",
      properties: { attempts: positive, withinMinutes: positive, lockMinutes: positive },
    },
    rateLimits: {
      type: 'object',
      additionalProperties: false,
      description: 'Per account and per client address, on the calls an attacker repeats.',
      properties: {
        login: { ...limits, description: 'The token endpoint (password and OTP logins).' },
        otpSend: { ...limits, description: 'Sending an OTP.' },
        passwordReset: { ...limits, description: 'Resetting a password with an OTP.' },
      },
    },
    trustForwardedFor: {
      type: 'boolean',
      description: "Take the client address from X-Forwarded-For's first hop (only behind a proxy that sets it); default: the connection's address.",
    },
    roleGrants: {
      type: 'array',
      description: 'Who may grant (or take away) which roles at which tenants. A change of roles that no rule allows is refused; with none, only SUPERUSER may.',
      items: {
        title: 'Role grant rule',
        type: 'object',
        additionalProperties: false,
        required: ['grantor', 'roles', 'at'],
        properties: {
          grantor: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'The role the caller holds; the rule applies at tenants within the tenant it holds it at.' },
          roles: { anyOf: [{ const: '*' }, roles], description: "The roles it may grant ('*': any)." },
          at: { enum: ['any', 'state', 'gp'], description: 'The level of tenant the granted role may be at: a state (no dot), a GP (state.gp), or either.' },
        },
      },
    },
  },
};
