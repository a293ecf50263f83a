import type { PoolContext } from '../context';
import { hashPassword, verifyPassword, type User } from '../store';

let unknownUserHash: string | undefined;

/** The user whose password this is, or undefined for an unknown user and a wrong password alike. */
export function userForPassword(ctx: PoolContext, username: string, password: string): User | undefined {
  const user = ctx.store.state.users.find((u) => u.username === username);
  // Hash even for an unknown username, so the time taken does not tell which usernames exist.
  unknownUserHash ??= hashPassword('no user has this password');
  const matches = verifyPassword(password, user?.passwordHash ?? unknownUserHash);
  return user && matches ? user : undefined;
}
