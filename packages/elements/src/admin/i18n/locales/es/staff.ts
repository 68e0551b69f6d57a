import type { Translation } from '../../../../i18n/translation.js';
import type { staff as en } from '../en/staff.js';

export const staff: Translation<typeof en> = {
  'staff.title': 'Personal',
  'staff.role': 'Rol',
  'staff.roleOf': 'Rol de {email}',
  'staff.statusLabel': 'Estado',
  'staff.status.active': 'Activa',
  'staff.status.invited': 'Invitada',
  'staff.status.disabled': 'Desactivada',
  'staff.you': 'tú',
  'staff.enable': 'Activar',
  'staff.disable': 'Desactivar',
  'staff.disableTitle': '¿Desactivar esta cuenta?',
  'staff.disableBody':
    '{email} sale de la sesión al instante y no podrá entrar hasta que se vuelva a activar la cuenta.',
  'staff.lastOwner': 'Es la única persona propietaria. Primero haz propietaria a otra persona.',
  'staff.inviteTitle': 'Invitar a alguien',
  'staff.inviteIntro': 'Recibirá un correo con un enlace, válido una hora, para elegir su contraseña.',
  'staff.inviteSubmit': 'Enviar invitación',
  'staff.invited': 'Invitación enviada a {email}.',
  'staff.emailRequired': 'Escribe su correo electrónico.',
  'staff.emailInvalid': 'Escribe un correo electrónico válido.',
  'staff.emailTaken': 'Ya hay una cuenta con este correo.',
};
