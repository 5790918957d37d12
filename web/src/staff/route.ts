/**
 * The staff screens' hash routes: `#moderacion` (moderador, admin) and `#admin` (admin only).
 * Pure: parsing and the role rule, tested beside it. The API enforces the same rule
 * (server/moderation `requireModerator`, server/accounts `requireAdmin`); the screen only avoids
 * showing controls that would all answer 403.
 */

export type StaffView = 'moderacion' | 'admin';

export function parseStaffHash(hash: string): StaffView | null {
  if (hash === '#moderacion') return 'moderacion';
  if (hash === '#admin') return 'admin';
  return null;
}

const ALLOWED: Record<StaffView, readonly string[]> = {
  moderacion: ['moderador', 'admin'],
  admin: ['admin'],
};

/** Whether a logged-in role may open the view (null = not logged in). */
export function mayOpen(view: StaffView, role: string | null | undefined): boolean {
  return role != null && ALLOWED[view].includes(role);
}
