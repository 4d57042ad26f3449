import { Foundation1764201600000 } from './1764201600000-Foundation';
import { ActivityLog1764201700000 } from './1764201700000-ActivityLog';

/** Every migration, in order. Listed explicitly (no globs) so the same list works compiled and under jest. */
export const MIGRATIONS = [Foundation1764201600000, ActivityLog1764201700000];
