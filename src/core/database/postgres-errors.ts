/** SQLSTATE codes the code reacts to. */
export const PgError = {
  UniqueViolation: '23505',
  CheckViolation: '23514',
  ExclusionViolation: '23P01',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
  LockNotAvailable: '55P03',
  DuplicateDatabase: '42P04',
  InvalidCatalogName: '3D000',
} as const;

export function pgCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === 'string' && /^[0-9A-Z]{5}$/.test(direct)) return direct;
  const driverError = (error as { driverError?: { code?: unknown } }).driverError;
  return typeof driverError?.code === 'string' ? driverError.code : undefined;
}

/**
 * Lock contention that outlived the transaction runner's retries: a lock_timeout (55P03), or a
 * deadlock (40P01) / serialization failure (40001) retried to the limit. Nothing is wrong with the
 * request, so it is a 503 with Retry-After, never a 500 (areas may answer their own, more precise
 * refusal first, as venue bookings do).
 */
export function isContention(error: unknown): boolean {
  const code = pgCode(error);
  return code === PgError.LockNotAvailable || code === PgError.DeadlockDetected || code === PgError.SerializationFailure;
}

export function pgConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { constraint?: string; driverError?: { constraint?: string } };
  return e.constraint ?? e.driverError?.constraint;
}
