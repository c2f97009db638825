/** A WebSocket close reason must fit 123 bytes of UTF-8 (a Chinese character takes 3): cut on a character. */
export function closeReason(text: string): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > 123) break;
    out += ch;
  }
  return out;
}
