import { createContext } from '@lit/context';
import type { AdminClient, Staff } from '@shoptag/sdk/admin';

/** What every console screen reads from `<shop-admin>`: the admin client and who is signed in. */
export interface AdminConsole {
  readonly client: AdminClient;
  readonly staff: Staff;
  /** Goes to a console path (`products/prd_…`), as a link would. */
  navigate(path: string): void;
  /** Says something short in the console's live region and toast ("Saved."). */
  announce(message: string): void;
}

export const adminContext = createContext<AdminConsole | undefined>(Symbol('shoptag-admin'));
