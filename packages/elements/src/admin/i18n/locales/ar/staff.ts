import type { Translation } from '../../../../i18n/translation.js';
import type { staff as en } from '../en/staff.js';

export const staff: Translation<typeof en> = {
  'staff.title': 'الموظفون',
  'staff.role': 'الدور',
  'staff.roleOf': 'دور {email}',
  'staff.statusLabel': 'الحالة',
  'staff.status.active': 'نشط',
  'staff.status.invited': 'مدعو',
  'staff.status.disabled': 'معطّل',
  'staff.you': 'أنت',
  'staff.enable': 'تفعيل',
  'staff.disable': 'تعطيل',
  'staff.disableTitle': 'تعطيل هذا الحساب؟',
  'staff.disableBody': 'يُسجَّل خروج {email} فورًا ولا يمكنه تسجيل الدخول حتى يُفعَّل الحساب من جديد.',
  'staff.lastOwner': 'هذا هو المالك الوحيد. اجعل شخصًا آخر مالكًا أولًا.',
  'staff.inviteTitle': 'دعوة شخص',
  'staff.inviteIntro': 'يصله بريد فيه رابط صالح لمدة ساعة لاختيار كلمة المرور.',
  'staff.inviteSubmit': 'أرسل الدعوة',
  'staff.invited': 'أُرسلت الدعوة إلى {email}.',
  'staff.emailRequired': 'أدخل بريده الإلكتروني.',
  'staff.emailInvalid': 'أدخل بريدًا إلكترونيًا صالحًا.',
  'staff.emailTaken': 'يوجد حساب بهذا البريد الإلكتروني بالفعل.',
};
