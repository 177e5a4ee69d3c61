import type { JsonSchema } from '../../kind.ts';

const message = {
  title: 'OTP message',
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    templateId: { type: 'string', description: "The gateway's id of this text (India's DLT template id), passed to the SMS provider." },
    text: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
      required: ['en_IN'],
      description: 'Locale → Liquid text; {{ otp }}, {{ minutes }} (how long it is good for) and {{ name }} (the user’s, when known) are filled in. en_IN is the fallback.',
    },
  },
};

export const otpSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/otp.schema.json',
  title: 'OTP policy definition',
  description:
    "One-time passwords (DIGIT's user-otp and egov-otp): how long they are, how long they hold, how many guesses and sends are allowed, and the texts that carry them. Without a policy: 6 digits, 15 minutes, 5 guesses, 5 sends per mobile number per hour, and plain English texts.",
  type: 'object',
  additionalProperties: false,
  properties: {
    length: { type: 'integer', minimum: 4, maximum: 10, description: 'Digits (default 6, what the app’s PIN field takes).' },
    ttlMinutes: { type: 'integer', minimum: 1, maximum: 1440, description: 'How long an OTP can be used (default 15).' },
    maxAttempts: { type: 'integer', minimum: 1, maximum: 20, description: 'Wrong guesses an OTP survives; then it is spent (default 5).' },
    sendsPerHour: { type: 'integer', minimum: 1, maximum: 100, description: 'OTPs sent to one mobile number in any hour (default 5); more are refused (429).' },
    messages: {
      type: 'object',
      additionalProperties: false,
      description:
        'The text for each kind of OTP: register (a citizen registering), login (a citizen signing in), passwordreset (a forgotten password), firstPassword (a user replacing the default password they were given; default: the passwordreset text).',
      properties: { register: message, login: message, passwordreset: message, firstPassword: message },
    },
  },
};
