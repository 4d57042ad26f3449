import { useSyncExternalStore } from 'react';
import { HOME_PATH } from './hashPath';
import { navigate } from './useHashPath';

/**
 * Whether the browser has a session. The token itself is never in reach of page scripts (issue 9):
 * `login` answers with an httpOnly, SameSite=Strict cookie that the browser sends with every
 * same-origin request, so a script injected into the page cannot read or export it. What is kept
 * here (localStorage) is only a "signed in" flag, so a reload shows the portal rather than the login
 * page; the first request tells whether the cookie still holds (`me` null or UNAUTHENTICATED →
 * logged out as expired).
 * A tiny external store: React reads it with useSyncExternalStore, the Apollo links read it directly.
 */

const FLAG_KEY = 'ipfund.signedIn';
/** Where an earlier version kept the token itself; removed on load. */
const LEGACY_TOKEN_KEY = 'ipfund.token';

/** Why the last logout happened; the login page explains an expired session. */
export type LogoutReason = 'user' | 'expired';

export interface Session {
  readonly signedIn: boolean;
  readonly logoutReason: LogoutReason | null;
}

const listeners = new Set<() => void>();
let session: Session = { signedIn: readFlag(), logoutReason: null };

function readFlag(): boolean {
  try {
    window.localStorage.removeItem(LEGACY_TOKEN_KEY);
    return window.localStorage.getItem(FLAG_KEY) === '1';
  } catch {
    // Storage can be disabled (private mode, policy); then the page asks for a login after a reload.
    return false;
  }
}

function writeFlag(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(FLAG_KEY, '1');
    else window.localStorage.removeItem(FLAG_KEY);
  } catch {
    // See readFlag.
  }
}

function update(next: Session): void {
  session = next;
  listeners.forEach((listener) => listener());
}

export function isSignedIn(): boolean {
  return session.signedIn;
}

/**
 * After a successful `login` mutation (the API has set the cookie). Everyone lands on 首页, except
 * after an expired session: then the page the user was on comes back.
 */
export function login(): void {
  if (session.logoutReason !== 'expired') navigate(HOME_PATH, { replace: true });
  writeFlag(true);
  update({ signedIn: true, logoutReason: null });
}

/** Returns whether a session was actually ended, so callers clear cached data only once. */
export function logout(reason: LogoutReason): boolean {
  if (!session.signedIn) return false;
  writeFlag(false);
  update({ signedIn: false, logoutReason: reason });
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A login or logout in another tab changes the flag (the cookie is shared); follow it so tabs agree.
window.addEventListener('storage', (event) => {
  if (event.key !== FLAG_KEY && event.key !== null) return;
  const signedIn = readFlag();
  if (signedIn !== session.signedIn) update({ signedIn, logoutReason: signedIn ? null : 'user' });
});

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}
