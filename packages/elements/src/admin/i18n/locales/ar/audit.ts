import type { Translation } from '../../../../i18n/translation.js';
import type { audit as en } from '../en/audit.js';

export const audit: Translation<typeof en> = {
  'audit.title': 'سجلّ التغييرات',
  'audit.when': 'متى',
  'audit.who': 'مَن',
  'audit.action': 'الإجراء',
  'audit.target': 'ماذا',
  'audit.summary': 'التفاصيل',
  'audit.actorKey': 'المفتاح {name}',
  'audit.actorSystem': 'سطر الأوامر',
  'audit.actorUnknown': 'غير معروف',
  'audit.filterAction': 'الإجراء',
  'audit.filterActionHint': 'مثل product أو product.update',
  'audit.filterActor': 'معرّف الشخص أو المفتاح',
  'audit.filterSince': 'منذ',
  'audit.apply': 'طبّق عوامل التصفية',
  'audit.empty': 'لا توجد تغييرات مسجّلة بعد.',
  'audit.loadedMore': 'تم تحميل المزيد من الإدخالات.',
};
