export { hashPassword, verifyPassword } from './passwords.ts';
export { authAuditTable, sessionTable, userTable } from './tables.ts';
export { USER_INPUT_SCHEMA, createUser, findLoginUser, PROFILE_FIELDS, findUserByUuid, searchUsers, updateUser, usersByUuid, type RoleGrant, type User, type UserChecks, type UserCriteria, type UserInput, type UserType } from './user.ts';
export { userView } from './view.ts';
export { consumeRefreshToken, openSession, revokeSession, revokeUserSessions, sessionUser, type SessionPolicy, type SessionTokens } from './sessions.ts';
export { USER_SOURCES } from './sources.ts';
export { checkRoleChange, changedRoles, DEFAULT_ROLE_GRANTS, mayGrant, type RoleGrantRule } from './grants.ts';
export { admitLogin, DEFAULT_LOCKOUT, loginFailed, loginSucceeded, type LockoutPolicy, type LoginAttempt } from './lockout.ts';
export { recordAuthEvent, recordRoleChange, type AuthEvent, type AuthEventName } from './audit.ts';
