import type { Message } from '../../../../i18n/message.js';

/** Staff accounts: the list, invitations, roles, disabling (owners only). */
export const staff = {
  'staff.title': 'Staff',
  'staff.role': 'Role',
  'staff.roleOf': 'Role of {email}',
  'staff.statusLabel': 'Status',
  'staff.status.active': 'Active',
  'staff.status.invited': 'Invited',
  'staff.status.disabled': 'Disabled',
  'staff.you': 'you',
  'staff.enable': 'Enable',
  'staff.disable': 'Disable',
  'staff.disableTitle': 'Disable this account?',
  'staff.disableBody': '{email} is signed out at once and cannot sign in until the account is enabled again.',
  'staff.lastOwner': 'This is the only owner. Make someone else owner first.',
  'staff.inviteTitle': 'Invite someone',
  'staff.inviteIntro': 'They get an email with a link, valid for an hour, to choose their password.',
  'staff.inviteSubmit': 'Send invitation',
  'staff.invited': 'Invitation sent to {email}.',
  'staff.emailRequired': 'Enter their email address.',
  'staff.emailInvalid': 'Enter a valid email address.',
  'staff.emailTaken': 'There is already an account with this email.',
} as const satisfies Record<string, Message>;
