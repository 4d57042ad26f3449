import type { SameKeys } from '../../i18n/types';

/**
 * This feature's texts, under the key "auth." (t('auth.…')). Chinese is the original; English must have
 * the same keys (the type checks it). Server messages are not here: they come by key from
 * packages/shared/src/messages.ts. (The login form's own texts are the shell's `login.*`.)
 */
export const zh = {
  changePassword: {
    button: '修改密码',
    title: '修改密码',
    ok: '确认修改',
    cancel: '取消',
    done: '密码已修改，其他设备上的登录已失效',
    note: '修改后，您在其他设备或浏览器上的登录将全部失效，本次登录保持有效。',
    failed: '修改失败',
    current: '当前密码',
    currentRequired: '请输入当前密码',
    new: '新密码',
    newRequired: '请输入新密码',
    confirm: '确认新密码',
    confirmRequired: '请再次输入新密码',
    mismatch: '两次输入的新密码不一致',
  },
  passwordRule: {
    tooShort: '至少 10 个字符',
    classes: '须包含小写字母、大写字母、数字、符号中的至少三类（或不少于 16 个字符）',
  },
  demo: {
    title: '演示账号',
    hint: '点击用户名即可填入；所有账号的密码均为',
    entry: '（{{organization}}）',
    org: {
      ipBureau: '区知识产权局',
      financeBureau: '区财政局',
      financialOffice: '区金融办',
      fundManager: '资金管理人',
      bank: '合作银行',
      guarantor: '担保机构',
      auditor: '会计师事务所',
      enterprise: '企业',
    },
  },
};

export const en: SameKeys<typeof zh> = {
  changePassword: {
    button: 'Change password',
    title: 'Change password',
    ok: 'Change',
    cancel: 'Cancel',
    done: 'Password changed; your sessions on other devices have ended',
    note: 'Once changed, your sessions on other devices and browsers end; this one stays signed in.',
    failed: 'Could not change the password',
    current: 'Current password',
    currentRequired: 'Enter your current password',
    new: 'New password',
    newRequired: 'Enter a new password',
    confirm: 'Confirm new password',
    confirmRequired: 'Enter the new password again',
    mismatch: 'The two new passwords do not match',
  },
  passwordRule: {
    tooShort: 'At least 10 characters',
    classes:
      'Use at least three of lower-case letters, upper-case letters, digits and symbols (or at least 16 characters)',
  },
  demo: {
    title: 'Demo accounts',
    hint: 'Click a username to fill it in; every account’s password is',
    entry: ' ({{organization}})',
    org: {
      ipBureau: 'IP bureau',
      financeBureau: 'Finance bureau',
      financialOffice: 'Financial office',
      fundManager: 'Fund manager',
      bank: 'Partner bank',
      guarantor: 'Guarantor',
      auditor: 'Audit firm',
      enterprise: 'Enterprise',
    },
  },
};
