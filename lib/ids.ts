// Random, URL-safe identifiers for rows that appear in URLs.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A 16-character base-36 id (about 82 bits of randomness). */
export function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = "";
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}
