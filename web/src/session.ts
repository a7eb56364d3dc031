/** The signed-in user's roles, read from the session: the UI shows or hides by them; the API decides. */
import type { Session } from './api/http';

export function isPartner(s: Session): boolean {
  return s.roles.includes('LE_PARTNER');
}

/** Analysts and case managers (a partner holding another role is still only a partner). */
export function isStaff(s: Session): boolean {
  return !isPartner(s) && (s.roles.includes('ANALYST') || s.roles.includes('CASE_MANAGER'));
}

/** May read cases: staff and partners. Auditors and administrators see no case data. */
export function readsCases(s: Session): boolean {
  return isStaff(s) || isPartner(s);
}

/** Reads the audit trail (the audit view); sees no case data unless another role gives it. */
export function isAuditor(s: Session): boolean {
  return s.roles.includes('AUDITOR');
}

/** Writes, watches and identity decisions: staff only. */
export function canWrite(s: Session): boolean {
  return isStaff(s);
}

export function roleLabel(s: Session): string {
  const names: Record<string, string> = {
    ANALYST: 'Analyst', CASE_MANAGER: 'Case manager', LE_PARTNER: 'Partner agency', AUDITOR: 'Auditor', ADMIN: 'Administrator',
  };
  const roles = s.roles.map((r) => names[r] ?? r).join(', ') || 'no role';
  return s.agency ? `${roles} (${s.agency})` : roles;
}
