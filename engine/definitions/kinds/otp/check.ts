import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { OTPPolicyDefinition } from './types.generated.ts';

/** One policy at most; each text shows the OTP. */
export function checkOtpPolicy(files: Sourced<OTPPolicyDefinition>[]): { value: OTPPolicyDefinition; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  files.slice(1).forEach(({ source }) => problems.push(problemAt(source, [], `an OTP policy is already defined in ${files[0]!.source.file}; keep one`)));
  const first = files[0];
  if (!first) return { value: {}, problems };
  for (const [purpose, message] of Object.entries(first.value.messages ?? {})) {
    for (const [locale, text] of Object.entries(message?.text ?? {})) {
      if (!/\{\{-?\s*otp\b/.test(text)) problems.push(problemAt(first.source, ['messages', purpose, 'text', locale], 'the text must show the OTP: put {{ otp }} in it'));
    }
  }
  return { value: first.value, problems };
}
