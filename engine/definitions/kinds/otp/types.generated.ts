// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * One-time passwords (DIGIT's user-otp and egov-otp): how long they are, how long they hold, how many guesses and sends are allowed, and the texts that carry them. Without a policy: 6 digits, 15 minutes, 5 guesses, 5 sends per mobile number per hour, and plain English texts.
 */
export interface OTPPolicyDefinition {
  /**
   * Digits (default 6, what the app’s PIN field takes).
   */
  length?: number;
  /**
   * How long an OTP can be used (default 15).
   */
  ttlMinutes?: number;
  /**
   * Wrong guesses an OTP survives; then it is spent (default 5).
   */
  maxAttempts?: number;
  /**
   * OTPs sent to one mobile number in any hour (default 5); more are refused (429).
   */
  sendsPerHour?: number;
  /**
   * The text for each kind of OTP: register (a citizen registering), login (a citizen signing in), passwordreset (a forgotten password), firstPassword (a user replacing the default password they were given; default: the passwordreset text).
   */
  messages?: {
    register?: OTPMessage;
    login?: OTPMessage;
    passwordreset?: OTPMessage;
    firstPassword?: OTPMessage;
  };
}
export interface OTPMessage {
  /**
   * The gateway's id of this text (India's DLT template id), passed to the SMS provider.
   */
  templateId?: string;
  /**
   * Locale → Liquid text; {{ otp }}, {{ minutes }} (how long it is good for) and {{ name }} (the user’s, when known) are filled in. en_IN is the fallback.
   */
  text: {
    [k: string]: string;
  };
}
