/** Password policy (等保 2.0 三级): length, character classes, a deny-list, rotation. */
export const MIN_PASSWORD_LENGTH = 12;

// Common and pattern passwords that pass the class rule but are guessed first.
const DENY_LIST = new Set(
  [
    'password1234', 'p@ssw0rd1234', 'p@ssword1234', 'passw0rd!234', 'admin@123456', 'admin@1234567',
    'admin1234567', 'administrator', 'abc@12345678', 'abcd@1234567', 'qwer@1234567', 'qwerty123456',
    'qwe123!@#qwe', '1qaz@wsx3edc', '1qaz2wsx3edc', '!qaz2wsx3edc', 'zaq1@wsx3edc', 'welcome@1234',
    'woaini131452', 'woaini@13145', 'iloveyou1234', 'changeme1234', 'letmein12345', 'aa123456789!',
    'a1234567890!', 'a123456789@@', 'yizheng@1234', 'yizheng12345', 'yili@1234567', 'xinjiang@123',
    'huawei@12345', 'root@1234567', 'test@1234567', 'Passw0rd@123',
  ].map((p) => p.toLowerCase()),
);

export interface PasswordCheckInput {
  password: string;
  username?: string;
}

/** Returns the list of problems in Chinese; empty when the password is acceptable. */
export function checkPasswordPolicy({ password, username }: PasswordCheckInput): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`密码长度至少${MIN_PASSWORD_LENGTH}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  if (DENY_LIST.has(lower)) problems.push('密码过于常见，请更换');
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    problems.push('密码不得包含用户名');
  }
  if (/(.)\1{3,}/.test(password)) problems.push('密码不得包含4个以上连续相同的字符');
  return problems;
}

/** Rotation: a password older than `maxAgeDays` must be changed (0 = never expires). */
export function passwordExpired(changedAt: Date, now: Date, maxAgeDays: number): boolean {
  if (maxAgeDays === 0) return false;
  return now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}

/**
 * Whether the account must change its password before using the system: a password it did not
 * choose itself (generated, or set by an administrator), or one past its rotation period.
 */
export function passwordChangeRequired(user: { mustChangePassword: boolean; passwordChangedAt: Date }, now: Date, maxAgeDays: number): boolean {
  return user.mustChangePassword || passwordExpired(user.passwordChangedAt, now, maxAgeDays);
}
