/**
 * Where an operation's idempotency key lives: a client-minted header, or a deterministic request part. One
 * type for the client (which sends or reads it), the server's engine (which extracts it) and the generator's
 * model (which reads it from `x-idempotency.key`).
 */
export type IdempotencyKeySource =
  | { in: 'header'; name: string }
  | { in: 'path'; name: string }
  | { in: 'query'; name: string }
  | { in: 'body'; pointer: string };
