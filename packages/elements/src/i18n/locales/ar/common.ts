import type { common as english } from '../en/common.js';
import type { Translation } from '../../translation.js';

export const common = {
  'error.authentication': 'لم يُقبل مفتاح هذا المتجر.',
  'error.connection': 'تعذّر الوصول إلى المتجر. تحقق من اتصالك.',
  'error.rateLimit': 'المتجر مشغول الآن. حاول مرة أخرى بعد قليل.',
  'error.invalidRequest': 'تعذّر إكمال هذا الطلب.',
  'error.unknown': 'حدث خطأ من جهتنا.',
  'common.loading': 'جارٍ التحميل…',
  'common.retry': 'أعد المحاولة',
} satisfies Translation<typeof english>;
