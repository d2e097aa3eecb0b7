/** The checks of `idemgen verify`, in the order they run, each with the sentence of the contract it tests. */
export const CHECKS = {
  replay:
    'The same key and body sent twice give the same status and an identical body, and the second answer says Idempotent-Replayed: true.',
  'lost-response':
    'When the first answer is lost after the server handled the request, the retry with the same key is answered as a replay of that first outcome.',
  'concurrent-duplicates':
    'Requests sent at once with one key show one execution: identical bodies, and every other answer a replay or 409 with Retry-After.',
  fingerprint: 'The same key with a changed body is refused with 422.',
  'key-required':
    'A request without the required idempotency key is refused with 400 and the idempotency-key-missing problem type.',
  'key-malformed':
    'A request with a malformed idempotency key is refused with 400 and the idempotency-key-invalid problem type.',
  'error-format':
    'Every error answer is application/problem+json (or the envelope the spec declares) with the RFC 9457 members, and shows no stack trace or internal message.',
  'declared-responses':
    "Answers to valid requests have a status and a body that the spec's responses declare.",
  'retry-hints':
    '429, 503 and 409-in-progress answers carry a Retry-After that the client contract can honour.',
} as const;

export type CheckName = keyof typeof CHECKS;

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
