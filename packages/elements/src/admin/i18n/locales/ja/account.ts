import type { Translation } from '../../../../i18n/translation.js';
import type { account as en } from '../en/account.js';

export const account: Translation<typeof en> = {
  'account.requestTitle': 'パスワードの再設定',
  'account.requestIntro':
    'サインインに使うメールアドレスを入力してください。新しいパスワードを設定するリンクをお送りします。',
  'account.requestSubmit': 'リンクを送信',
  'account.sending': '送信中…',
  'account.requestSentTitle': 'メールをご確認ください',
  'account.requestSent': 'このアドレスのアカウントがあれば、リンクを送信しました。1 回だけ、1 時間有効です。',
  'account.resetTitle': '新しいパスワードを設定',
  'account.newPassword': '新しいパスワード',
  'account.passwordAgain': '新しいパスワード（確認）',
  'account.passwordHint': '{count} 文字以上で、メールアドレスとは異なるものにしてください。',
  'account.resetSubmit': 'パスワードを設定',
  'account.resetDoneTitle': 'パスワードを設定しました',
  'account.resetDone': '新しいパスワードを設定しました。他のすべての場所ではサインアウトされました。',
  'account.backToSignIn': 'サインインに戻る',
  'account.requestAgain': '新しいリンクを請求',
  'account.linkExpired': 'このリンクは使用済みか期限切れです。新しいリンクを請求してください。',
  'account.passwordTooShort': 'パスワードが短すぎます。',
  'account.passwordIsEmail': 'パスワードにメールアドレスは使えません。',
  'account.passwordsDiffer': '2 つのパスワードが一致しません。',
  'account.emailRequired': 'メールアドレスを入力してください。',
  'account.emailInvalid': '有効なメールアドレスを入力してください。',
  'account.setupTitle': 'オーナーアカウントの作成',
  'account.setupIntro':
    'このショップにはまだアカウントがありません。オーナーはスタッフやキーを含むすべてを管理できます。',
  'account.setupSubmit': '作成してサインイン',
  'account.setupDone': 'このショップにはすでにオーナーがいます。サインインしてください。',
  'account.name': '名前',
};
