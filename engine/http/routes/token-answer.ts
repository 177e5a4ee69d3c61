import type { Clock } from '../../clock/index.ts';
import type { Db } from '../../store/index.ts';
import { openSession, userView, type SessionPolicy, type User } from '../../users/index.ts';

export interface TokenAnswerDeps {
  db: Db;
  clock: Clock;
  sessions: SessionPolicy;
  timeZone: string;
}

/** DIGIT's answer to a sign-in (the token endpoint, a citizen's registration with login): a new session's tokens and the user. */
export async function tokenAnswer(deps: TokenAnswerDeps, user: User): Promise<Record<string, unknown>> {
  const tokens = await openSession(deps.db, user.uuid, deps.clock.now(), deps.sessions);
  return {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    refresh_token: tokens.refreshToken,
    expires_in: tokens.expiresIn,
    scope: 'read',
    ResponseInfo: { api: 'oauth/token', status: 'successful' },
    UserRequest: userView(user, deps.timeZone),
  };
}
