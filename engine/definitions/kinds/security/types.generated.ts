// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * How sign-in is protected: account lockout after failed logins, rate limits on login, OTP and password reset, and which roles may grant which roles where. Without a policy the engine locks after 5 failures in 30 minutes for 60 minutes, limits nothing, and only SUPERUSER grants roles.
 */
export interface SecurityPolicyDefinition {
  /**
   * DIGIT's egov-user: `attempts` failed logins within `withinMinutes` lock the account for `lockMinutes`, even with the right password.
   */
  lockout?: {
    attempts: number;
    withinMinutes: number;
    lockMinutes: number;
  };
  /**
   * Per account and per client address, on the calls an attacker repeats.
   */
  rateLimits?: {
    login?: RateLimits;
    otpSend?: RateLimits1;
    passwordReset?: RateLimits2;
  };
  /**
   * Take the client address from X-Forwarded-For's first hop (only behind a proxy that sets it); default: the connection's address.
   */
  trustForwardedFor?: boolean;
  /**
   * Who may grant (or take away) which roles at which tenants. A change of roles that no rule allows is refused; with none, only SUPERUSER may.
   */
  roleGrants?: RoleGrantRule[];
}
/**
 * The token endpoint (password and OTP logins).
 */
export interface RateLimits {
  perAccount?: RateLimit;
  perAddress?: RateLimit1;
}
/**
 * Calls naming one account (user name or mobile number, at its tenant).
 */
export interface RateLimit {
  requests: number;
  seconds: number;
}
/**
 * Calls from one client address.
 */
export interface RateLimit1 {
  requests: number;
  seconds: number;
}
/**
 * Sending an OTP.
 */
export interface RateLimits1 {
  perAccount?: RateLimit;
  perAddress?: RateLimit1;
}
/**
 * Resetting a password with an OTP.
 */
export interface RateLimits2 {
  perAccount?: RateLimit;
  perAddress?: RateLimit1;
}
export interface RoleGrantRule {
  /**
   * The role the caller holds; the rule applies at tenants within the tenant it holds it at.
   */
  grantor: string;
  /**
   * The roles it may grant ('*': any).
   */
  roles: '*' | string[];
  /**
   * The level of tenant the granted role may be at: a state (no dot), a GP (state.gp), or either.
   */
  at: 'any' | 'state' | 'gp';
}
