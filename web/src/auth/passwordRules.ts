import type { FormRule } from 'antd';
import { passwordPolicyError } from './passwordPolicy';

/** Form rules for a new password field: required, and the policy the server enforces. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: '请输入新密码' },
  {
    validator: (_, value: string | undefined) => {
      const problem = value ? passwordPolicyError(value) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
];

/** Form rules for the field that repeats the password in `passwordField`. */
export function confirmPasswordRules(passwordField: string): FormRule[] {
  return [
    { required: true, message: '请再次输入密码' },
    ({ getFieldValue }) => ({
      validator: (_, value: string | undefined) =>
        !value || value === getFieldValue(passwordField)
          ? Promise.resolve()
          : Promise.reject(new Error('两次输入的密码不一致')),
    }),
  ];
}
