/**
 * base64url (RFC 4648 §5, no padding) and random values in it, with the Web platform's own
 * functions only, so the same code runs in the browser and on the server.
 */

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `byteLength` bytes from the platform's cryptographic random source, in base64url. */
export function randomBase64url(byteLength: number): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(byteLength)));
}
