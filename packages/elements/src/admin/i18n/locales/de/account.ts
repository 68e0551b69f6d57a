import type { Translation } from '../../../../i18n/translation.js';
import type { account as en } from '../en/account.js';

export const account: Translation<typeof en> = {
  'account.requestTitle': 'Passwort zurücksetzen',
  'account.requestIntro':
    'Gib die E-Mail-Adresse ein, mit der du dich anmeldest. Wir senden dir einen Link, um ein neues Passwort zu wählen.',
  'account.requestSubmit': 'Link senden',
  'account.sending': 'Wird gesendet…',
  'account.requestSentTitle': 'Prüfe deine E-Mails',
  'account.requestSent':
    'Wenn zu dieser Adresse ein Konto gehört, ist ein Link unterwegs. Er funktioniert einmal, eine Stunde lang.',
  'account.resetTitle': 'Neues Passwort wählen',
  'account.newPassword': 'Neues Passwort',
  'account.passwordAgain': 'Neues Passwort wiederholen',
  'account.passwordHint': 'Mindestens {count} Zeichen und nicht deine E-Mail-Adresse.',
  'account.resetSubmit': 'Passwort festlegen',
  'account.resetDoneTitle': 'Passwort festgelegt',
  'account.resetDone': 'Dein neues Passwort ist gesetzt. Überall sonst wurdest du abgemeldet.',
  'account.backToSignIn': 'Zurück zur Anmeldung',
  'account.requestAgain': 'Neuen Link anfordern',
  'account.linkExpired': 'Dieser Link wurde schon benutzt oder ist abgelaufen. Fordere einen neuen an.',
  'account.passwordTooShort': 'Das Passwort ist zu kurz.',
  'account.passwordIsEmail': 'Das Passwort darf nicht deine E-Mail-Adresse sein.',
  'account.passwordsDiffer': 'Die beiden Passwörter stimmen nicht überein.',
  'account.emailRequired': 'Gib deine E-Mail-Adresse ein.',
  'account.emailInvalid': 'Gib eine gültige E-Mail-Adresse ein.',
  'account.setupTitle': 'Inhaberkonto anlegen',
  'account.setupIntro':
    'Dieser Shop hat noch kein Konto. Der Inhaber kann alles verwalten, auch Mitarbeitende und Schlüssel.',
  'account.setupSubmit': 'Anlegen und anmelden',
  'account.setupDone': 'Der Shop hat bereits einen Inhaber. Melde dich stattdessen an.',
  'account.name': 'Name',
};
