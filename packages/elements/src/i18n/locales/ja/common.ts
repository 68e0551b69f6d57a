import type { common as english } from '../en/common.js';
import type { Translation } from '../../translation.js';

export const common = {
  'error.authentication': 'このショップのキーが受け付けられませんでした。',
  'error.connection': 'ショップに接続できませんでした。接続を確認してください。',
  'error.rateLimit': 'ショップが混み合っています。しばらくしてからもう一度お試しください。',
  'error.invalidRequest': 'このリクエストを完了できませんでした。',
  'error.unknown': '問題が発生しました。',
  'common.loading': '読み込み中…',
  'common.retry': '再試行',
} satisfies Translation<typeof english>;
