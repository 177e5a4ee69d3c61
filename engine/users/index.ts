export { hashPassword, verifyPassword } from './passwords.ts';
export { sessionTable, userTable } from './tables.ts';
export { USER_INPUT_SCHEMA, createUser, findLoginUser, PROFILE_FIELDS, findUserByUuid, searchUsers, updateUser, usersByUuid, type RoleGrant, type User, type UserChecks, type UserCriteria, type UserInput, type UserType } from './user.ts';
export { userView } from './view.ts';
export { consumeRefreshToken, openSession, revokeSession, sessionUser, type SessionPolicy, type SessionTokens } from './sessions.ts';
export { USER_SOURCES } from './sources.ts';
