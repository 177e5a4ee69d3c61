/** The name of the unique constraint (index) a write violated, if that is what failed. */
export function uniqueViolationOf(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string; detail?: string; message?: string } | undefined;
  if (e?.code !== '23505') return undefined;
  if (e.constraint) return e.constraint;
  // PGlite reports the index in the message: duplicate key value violates unique constraint "x"
  return /unique constraint "([^"]+)"/.exec(e.message ?? '')?.[1];
}
