import type { Translation } from '../../../../i18n/translation.js';
import type { staff as en } from '../en/staff.js';

export const staff: Translation<typeof en> = {
  'staff.title': 'Mitarbeitende',
  'staff.role': 'Rolle',
  'staff.roleOf': 'Rolle von {email}',
  'staff.statusLabel': 'Status',
  'staff.status.active': 'Aktiv',
  'staff.status.invited': 'Eingeladen',
  'staff.status.disabled': 'Deaktiviert',
  'staff.you': 'du',
  'staff.enable': 'Aktivieren',
  'staff.disable': 'Deaktivieren',
  'staff.disableTitle': 'Dieses Konto deaktivieren?',
  'staff.disableBody':
    '{email} wird sofort abgemeldet und kann sich erst wieder anmelden, wenn das Konto aktiviert wird.',
  'staff.lastOwner': 'Dies ist der einzige Inhaber. Mache zuerst jemand anderen zum Inhaber.',
  'staff.inviteTitle': 'Jemanden einladen',
  'staff.inviteIntro': 'Die Person erhält eine E-Mail mit einem Link, eine Stunde gültig, um ihr Passwort zu wählen.',
  'staff.inviteSubmit': 'Einladung senden',
  'staff.invited': 'Einladung an {email} gesendet.',
  'staff.emailRequired': 'Gib die E-Mail-Adresse ein.',
  'staff.emailInvalid': 'Gib eine gültige E-Mail-Adresse ein.',
  'staff.emailTaken': 'Zu dieser E-Mail-Adresse gibt es bereits ein Konto.',
};
