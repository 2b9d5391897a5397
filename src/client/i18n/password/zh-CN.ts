/** The set-password screen: loaded with its chunk, so the counter's first load does not carry it. */
export const passwordZhCN = {
  'password.title': '设置密码',
  'password.intro': '厅经理和管理员用一次性的设置密码码设置自己的密码。码在 24 小时内有效，只能用一次。',
  'password.codeLabel': '设置密码码',
  'password.newLabel': '新密码',
  'password.repeatLabel': '再输入一次新密码',
  'password.hint': '至少 {count} 个字符；只有您自己知道。',
  'password.tooShort': '密码至少需要 {count} 个字符。',
  'password.mismatch': '两次输入的密码不一致。',
  'password.deviceNameLabel': '这台设备的名称',
  'password.deviceNameHint': '这个浏览器还没有登记：设置密码的同时，它会登记为您营业厅的设备。例如“经理办公室电脑”。',
  'password.submit': '设置密码',
  'password.working': '正在设置…',
  'password.back': '返回',
};

export type PasswordMessageKey = keyof typeof passwordZhCN;
