import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { isShopError } from '@shoptag/sdk';
import type { StaffMember, StaffRole } from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { AdminScreen } from '../ui/admin-screen.js';

const STATUS_KEYS: Record<StaffMember['status'], AdminMessageKey> = {
  active: 'staff.status.active',
  invited: 'staff.status.invited',
  disabled: 'staff.status.disabled',
};

/**
 * Staff accounts (owners only): who can sign in, with which role; invite someone by email (they
 * set their own password from the link), change a role, disable or enable an account.
 *
 * @summary Console staff list, invitations, roles.
 * @tagname shop-admin-staff
 */
export class ShopAdminStaff extends AdminScreen {
  static readonly tagName = 'shop-admin-staff';

  @state() private staff: StaffMember[] | undefined;
  @state() private loadError = '';
  @state() private inviteError: AdminMessageKey | '' = '';
  @state() private rowError = '';
  @state() private busy = false;
  @state() private pending: StaffMember | undefined;

  @query('shop-admin-confirm') private confirmDialog!: ShopAdminConfirm;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      this.staff = (await this.console.client.staff.list()).data;
    } catch (error) {
      this.loadError = this.describe(error);
    }
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? 'staff') as StaffRole;
    if (!email) {
      this.inviteError = 'staff.emailRequired';
      await this.updateComplete;
      return void this.renderRoot.querySelector<HTMLInputElement>('#invite-email')?.focus();
    }
    this.busy = true;
    this.inviteError = '';
    try {
      const member = await this.console.client.staff.invite({ email, role, ...(name ? { name } : {}) });
      this.staff = [...(this.staff ?? []), member];
      form.reset();
      this.console.announce(this.t('staff.invited', { email: member.email }));
    } catch (error) {
      this.inviteError =
        isShopError(error) && error.code === 'staff_email_taken'
          ? 'staff.emailTaken'
          : isShopError(error) && error.param === 'email'
            ? 'staff.emailInvalid'
            : 'error.unknown';
      if (this.inviteError === 'error.unknown') this.describe(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#invite-email')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private replace(member: StaffMember): void {
    this.staff = this.staff?.map((s) => (s.id === member.id ? member : s));
  }

  private async change(member: StaffMember, change: { role?: StaffRole; disabled?: boolean }): Promise<void> {
    this.rowError = '';
    try {
      const updated = await this.console.client.staff.update(member.id, change);
      this.replace(updated);
      this.console.announce(this.t('common.saved'));
    } catch (error) {
      this.rowError =
        isShopError(error) && error.code === 'last_owner' ? this.t('staff.lastOwner') : this.describe(error);
      // The select shows what the server holds, not what was picked.
      this.replace({ ...member });
    }
  }

  private async toggleDisabled(member: StaffMember): Promise<void> {
    if (member.status !== 'disabled') {
      this.pending = member;
      await this.updateComplete;
      const ok = await this.confirmDialog.ask();
      this.pending = undefined;
      if (!ok) return;
    }
    await this.change(member, { disabled: member.status !== 'disabled' });
  }

  private renderInvite() {
    const t = this.t.bind(this);
    return html`<form class="card stack" novalidate @submit=${this.invite} aria-labelledby="invite-title">
      <h2 id="invite-title">${t('staff.inviteTitle')}</h2>
      <p class="muted">${t('staff.inviteIntro')}</p>
      <div class="toolbar">
        <label class="grow"
          >${t('signIn.email')}
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            aria-invalid=${this.inviteError ? 'true' : 'false'}
            aria-describedby=${this.inviteError ? 'invite-error' : nothing}
        /></label>
        <label class="grow">${t('account.name')} <input name="name" autocomplete="off" /></label>
        <label
          >${t('staff.role')}
          <select name="role">
            <option value="staff">${t('shell.role.staff')}</option>
            <option value="owner">${t('shell.role.owner')}</option>
          </select></label
        >
        <button class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${t(this.busy ? 'account.sending' : 'staff.inviteSubmit')}
        </button>
      </div>
      <p id="invite-error" class="error" role="alert" ?hidden=${!this.inviteError}>
        ${this.inviteError ? t(this.inviteError) : ''}
      </p>
    </form>`;
  }

  private renderRow(member: StaffMember) {
    const t = this.t.bind(this);
    const self = member.id === this.console.staff.id;
    return html`<tr>
      <td data-label=${t('account.name')}>${member.name || html`<span class="muted">—</span>`}</td>
      <td data-label=${t('signIn.email')}>${member.email}${self ? html` <span class="badge">${t('staff.you')}</span>` : nothing}</td>
      <td data-label=${t('staff.role')}>
        <select
          aria-label=${t('staff.roleOf', { email: member.email })}
          .value=${member.role}
          ?disabled=${member.status === 'disabled'}
          @change=${(e: Event) => this.change(member, { role: (e.target as HTMLSelectElement).value as StaffRole })}
        >
          <option value="staff" ?selected=${member.role === 'staff'}>${t('shell.role.staff')}</option>
          <option value="owner" ?selected=${member.role === 'owner'}>${t('shell.role.owner')}</option>
        </select>
      </td>
      <td data-label=${t('staff.statusLabel')}><span class="badge">${t(STATUS_KEYS[member.status])}</span></td>
      <td data-label=${t('common.actions')}>
        <button class="button" type="button" @click=${() => this.toggleDisabled(member)}>
          ${t(member.status === 'disabled' ? 'staff.enable' : 'staff.disable')}
        </button>
      </td>
    </tr>`;
  }

  override render() {
    const t = this.t.bind(this);
    let body;
    if (this.loadError) body = this.loadProblem(this.loadError, () => this.load());
    else if (!this.staff) body = html`<p role="status">${t('common.loading')}</p>`;
    else
      body = html`<p class="error" role="alert" ?hidden=${!this.rowError}>${this.rowError}</p>
        <table class="responsive">
          <caption class="sr-only">${t('staff.title')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('account.name')}</th>
              <th scope="col">${t('signIn.email')}</th>
              <th scope="col">${t('staff.role')}</th>
              <th scope="col">${t('staff.statusLabel')}</th>
              <th scope="col">${t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.staff.map((member) => this.renderRow(member))}
          </tbody>
        </table>`;
    return html`<h1 tabindex="-1">${t('staff.title')}</h1>
      <div class="stack">${body} ${this.renderInvite()}</div>
      <shop-admin-confirm heading=${t('staff.disableTitle')} confirm-label=${t('staff.disable')} danger>
        ${this.pending ? t('staff.disableBody', { email: this.pending.email }) : ''}
      </shop-admin-confirm>`;
  }
}
