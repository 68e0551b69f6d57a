import type { Translation } from '../../../../i18n/translation.js';
import type { staff as en } from '../en/staff.js';

export const staff: Translation<typeof en> = {
  'staff.title': 'Équipe',
  'staff.role': 'Rôle',
  'staff.roleOf': 'Rôle de {email}',
  'staff.statusLabel': 'État',
  'staff.status.active': 'Actif',
  'staff.status.invited': 'Invité',
  'staff.status.disabled': 'Désactivé',
  'staff.you': 'vous',
  'staff.enable': 'Activer',
  'staff.disable': 'Désactiver',
  'staff.disableTitle': 'Désactiver ce compte ?',
  'staff.disableBody':
    "{email} est déconnecté immédiatement et ne peut plus se connecter tant que le compte n'est pas réactivé.",
  'staff.lastOwner': "C'est le seul propriétaire. Nommez d'abord quelqu'un d'autre propriétaire.",
  'staff.inviteTitle': 'Inviter quelqu’un',
  'staff.inviteIntro': 'La personne reçoit un e-mail avec un lien, valable une heure, pour choisir son mot de passe.',
  'staff.inviteSubmit': "Envoyer l'invitation",
  'staff.invited': 'Invitation envoyée à {email}.',
  'staff.emailRequired': 'Saisissez son adresse e-mail.',
  'staff.emailInvalid': 'Saisissez une adresse e-mail valide.',
  'staff.emailTaken': 'Un compte existe déjà avec cette adresse e-mail.',
};
