import type { Translation } from '../../../../i18n/translation.js';
import type { staff as en } from '../en/staff.js';

export const staff: Translation<typeof en> = {
  'staff.title': 'スタッフ',
  'staff.role': '役割',
  'staff.roleOf': '{email} の役割',
  'staff.statusLabel': '状態',
  'staff.status.active': '有効',
  'staff.status.invited': '招待中',
  'staff.status.disabled': '無効',
  'staff.you': 'あなた',
  'staff.enable': '有効にする',
  'staff.disable': '無効にする',
  'staff.disableTitle': 'このアカウントを無効にしますか？',
  'staff.disableBody': '{email} はすぐにサインアウトされ、アカウントが再び有効になるまでサインインできません。',
  'staff.lastOwner': '唯一のオーナーです。先に別の人をオーナーにしてください。',
  'staff.inviteTitle': 'メンバーを招待',
  'staff.inviteIntro': 'パスワードを設定するためのリンク（1 時間有効）をメールでお送りします。',
  'staff.inviteSubmit': '招待を送信',
  'staff.invited': '{email} に招待を送信しました。',
  'staff.emailRequired': 'メールアドレスを入力してください。',
  'staff.emailInvalid': '有効なメールアドレスを入力してください。',
  'staff.emailTaken': 'このメールアドレスのアカウントはすでにあります。',
};
