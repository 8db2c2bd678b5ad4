/** The password policy the server enforces, repeated here so the form can say so before sending. */
export const PASSWORD_POLICY_TEXT = '至少12位，含大写字母、小写字母、数字、符号中的至少三类';

export const PASSWORD_MIN_LENGTH = 12;

const CLASSES: readonly RegExp[] = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** A Chinese message saying what the password lacks, or null when it meets the policy. */
export function passwordPolicyError(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `密码长度不足：${PASSWORD_POLICY_TEXT}`;
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < 3) return `密码字符类型不足：${PASSWORD_POLICY_TEXT}`;
  return null;
}
