import type { Translation } from '../../../../i18n/translation.js';
import type { audit as en } from '../en/audit.js';

export const audit: Translation<typeof en> = {
  'audit.title': '監査ログ',
  'audit.when': '日時',
  'audit.who': '実行者',
  'audit.action': '操作',
  'audit.target': '対象',
  'audit.summary': '詳細',
  'audit.actorKey': 'キー {name}',
  'audit.actorSystem': 'コマンドライン',
  'audit.actorUnknown': '不明',
  'audit.filterAction': '操作',
  'audit.filterActionHint': '例: product または product.update',
  'audit.filterActor': 'スタッフ ID またはキー ID',
  'audit.filterSince': '開始日',
  'audit.apply': '絞り込む',
  'audit.empty': '記録された変更はまだありません。',
  'audit.loadedMore': 'さらに読み込みました。',
};
