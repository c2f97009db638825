import type { MessageTable } from './table';

/** Signing in, tokens, and who may do what. */
export const auth = {
  signInFirst: { en: 'Sign in first: send "Authorization: Bearer <token>" from the signIn mutation', 'zh-CN': '请先登录：在请求头中发送 signIn 返回的 "Authorization: Bearer <token>"' },
  signInFirstWs: { en: 'Send connectionParams.authorization = "Bearer <token>" from the signIn mutation', 'zh-CN': '请在 connectionParams.authorization 中发送 signIn 返回的 "Bearer <token>"' },
  wrongPassword: { en: 'Wrong username or password', 'zh-CN': '用户名或密码错误' },
  deactivated: { en: 'This account was deactivated: ask an administrator', 'zh-CN': '此账号已停用，请联系管理员' },
  goneOrDeactivated: { en: 'This account no longer exists or was deactivated: ask an administrator', 'zh-CN': '此账号不存在或已停用，请联系管理员' },
  sessionExpired: { en: 'Your session expired at {{at}}: sign in again', 'zh-CN': '您的登录已于 {{at}} 过期，请重新登录' },
  tokenInvalid: { en: 'The access token is invalid (forged, truncated or from another server): sign in again', 'zh-CN': '访问令牌无效（伪造、不完整或来自其他服务器），请重新登录' },
  sessionUnknown: { en: 'This session does not exist (any more): sign in again', 'zh-CN': '此登录会话不存在（或已删除），请重新登录' },
  sessionExpiredNow: { en: 'Your session expired: sign in again', 'zh-CN': '您的登录已过期，请重新登录' },
  sessionEnded: { en: 'This session was ended: sign in again', 'zh-CN': '此登录会话已结束，请重新登录' },
  endedSignedOut: { en: 'You signed out of this session: sign in again', 'zh-CN': '您已退出此登录会话，请重新登录' },
  endedRevoked: { en: 'An administrator ended this session: sign in again', 'zh-CN': '管理员已结束此登录会话，请重新登录' },
  endedPasswordChanged: { en: 'The password was changed, which ended this session: sign in again with the new password', 'zh-CN': '密码已修改，此登录会话随之结束，请用新密码重新登录' },
  endedPasswordReset: { en: 'An administrator reset the password, which ended this session: sign in again with the new password', 'zh-CN': '管理员已重置密码，此登录会话随之结束，请用新密码重新登录' },
  endedRightsChanged: { en: 'Your hospital or roles were changed, which ended this session: sign in again', 'zh-CN': '您的所属医院或角色已变更，此登录会话随之结束，请重新登录' },
  tooManySignIns: { en: 'Too many failed sign-ins for this username or from this address: try again in {{seconds}} seconds', 'zh-CN': '此用户名或此地址登录失败次数过多，请在 {{seconds}} 秒后重试' },
  currentPasswordWrong: { en: 'The current password is wrong', 'zh-CN': '当前密码不正确' },
  badLanguage: { en: 'language must be zh-CN or en, got "{{value}}"', 'zh-CN': 'language 只能是 zh-CN 或 en，收到的是 "{{value}}"' },
} satisfies MessageTable;
