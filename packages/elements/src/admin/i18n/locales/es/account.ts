import type { Translation } from '../../../../i18n/translation.js';
import type { account as en } from '../en/account.js';

export const account: Translation<typeof en> = {
  'account.requestTitle': 'Restablecer tu contraseña',
  'account.requestIntro':
    'Escribe el correo con el que inicias sesión. Te enviaremos un enlace para elegir una contraseña nueva.',
  'account.requestSubmit': 'Enviar el enlace',
  'account.sending': 'Enviando…',
  'account.requestSentTitle': 'Revisa tu correo',
  'account.requestSent':
    'Si hay una cuenta con esta dirección, el enlace va en camino. Funciona una vez, durante una hora.',
  'account.resetTitle': 'Elige una contraseña nueva',
  'account.newPassword': 'Contraseña nueva',
  'account.passwordAgain': 'Repite la contraseña nueva',
  'account.passwordHint': 'Al menos {count} caracteres, y que no sea tu correo.',
  'account.resetSubmit': 'Guardar la contraseña',
  'account.resetDoneTitle': 'Contraseña guardada',
  'account.resetDone': 'Tu contraseña nueva está guardada. Se ha cerrado tu sesión en todos los demás sitios.',
  'account.backToSignIn': 'Volver a iniciar sesión',
  'account.requestAgain': 'Pedir un enlace nuevo',
  'account.linkExpired': 'Este enlace ya se usó o ha caducado. Pide uno nuevo.',
  'account.passwordTooShort': 'La contraseña es demasiado corta.',
  'account.passwordIsEmail': 'La contraseña no puede ser tu correo.',
  'account.passwordsDiffer': 'Las dos contraseñas no coinciden.',
  'account.emailRequired': 'Escribe tu correo electrónico.',
  'account.emailInvalid': 'Escribe un correo electrónico válido.',
  'account.setupTitle': 'Crear la cuenta de la persona propietaria',
  'account.setupIntro':
    'Esta tienda aún no tiene cuentas. La persona propietaria puede gestionarlo todo, también el personal y las claves.',
  'account.setupSubmit': 'Crear e iniciar sesión',
  'account.setupDone': 'La tienda ya tiene propietario. Inicia sesión.',
  'account.name': 'Nombre',
};
