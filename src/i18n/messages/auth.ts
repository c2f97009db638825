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
  badLanguage: { en: 'language must be zh-CN or en, got "{{value}}"', 'zh-CN': 'language 只能是 zh-CN 或 en，收到的是 "{{value}}"' },
} satisfies MessageTable;
