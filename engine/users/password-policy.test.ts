import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

const codes = (p: string) => passwordProblems(p, '$.newPassword').map((d) => d.code);

describe('password policy (DIGIT egov-user pattern)', () => {
  it('takes a password with a digit, both cases and a special character, 8 to 15 long', () => {
    expect(codes('Seva@2026')).toEqual([]);
    expect(codes('Ab1-defgh')).toEqual([]);
  });
  it('refuses short, long, plain and spaced passwords with their codes', () => {
    expect(codes('Ab@1')).toEqual(['INVALID_PWD_LENGTH']);
    expect(codes('Abcdefgh@1234567')).toEqual(['INVALID_PWD_LENGTH']);
    expect(codes('password1')).toEqual(['INVALID_PWD_PATTERN']);
    expect(codes('Seva @2026')).toEqual(['INVALID_PWD_PATTERN']);
    expect(passwordProblems('sevaseva', '$.p')[0]!.message).toContain('a digit, an upper-case letter, a special character');
  });
});
