import type { Translation } from '../../../../i18n/translation.js';
import type { account as en } from '../en/account.js';

export const account: Translation<typeof en> = {
  'account.requestTitle': 'Réinitialiser votre mot de passe',
  'account.requestIntro':
    "Saisissez l'adresse e-mail avec laquelle vous vous connectez. Nous vous enverrons un lien pour choisir un nouveau mot de passe.",
  'account.requestSubmit': 'Envoyer le lien',
  'account.sending': 'Envoi…',
  'account.requestSentTitle': 'Consultez vos e-mails',
  'account.requestSent':
    'Si un compte utilise cette adresse, un lien est en route. Il fonctionne une fois, pendant une heure.',
  'account.resetTitle': 'Choisissez un nouveau mot de passe',
  'account.newPassword': 'Nouveau mot de passe',
  'account.passwordAgain': 'Nouveau mot de passe, à nouveau',
  'account.passwordHint': 'Au moins {count} caractères, et pas votre adresse e-mail.',
  'account.resetSubmit': 'Enregistrer le mot de passe',
  'account.resetDoneTitle': 'Mot de passe enregistré',
  'account.resetDone': 'Votre nouveau mot de passe est enregistré. Vous avez été déconnecté partout ailleurs.',
  'account.backToSignIn': 'Retour à la connexion',
  'account.requestAgain': 'Demander un nouveau lien',
  'account.linkExpired': 'Ce lien a déjà servi ou a expiré. Demandez-en un nouveau.',
  'account.passwordTooShort': 'Le mot de passe est trop court.',
  'account.passwordIsEmail': 'Le mot de passe ne doit pas être votre adresse e-mail.',
  'account.passwordsDiffer': 'Les deux mots de passe diffèrent.',
  'account.emailRequired': 'Saisissez votre adresse e-mail.',
  'account.emailInvalid': 'Saisissez une adresse e-mail valide.',
  'account.setupTitle': 'Créer le compte du propriétaire',
  'account.setupIntro':
    "Cette boutique n'a pas encore de compte. Le propriétaire peut tout gérer, y compris l'équipe et les clés.",
  'account.setupSubmit': 'Créer et se connecter',
  'account.setupDone': 'La boutique a déjà un propriétaire. Connectez-vous plutôt.',
  'account.name': 'Nom',
};
