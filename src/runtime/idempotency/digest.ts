/** The hashing helpers moved to `shared/digest.ts` (the client hashes keys for telemetry too); re-exported. */
export {
  base64ToBytes,
  bytesToBase64,
  type DigestItem,
  joinDigestItems,
  sha256Hex,
  subtleSha256Hex,
  syncSha256Hex,
} from '../shared/digest.js';
