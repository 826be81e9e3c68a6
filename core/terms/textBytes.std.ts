/**
 * The text of a file that says it is text (.txt, .md, .html), or undefined when its bytes are no text: a
 * video or random bytes renamed .txt hold NUL bytes, which no text in UTF-8 or a one-byte code page does.
 * UTF-16 is read by its byte order mark; UTF-8 that does not decode is read as Latin-1 (the letters of
 * Windows-1252, in which older terms saved on Windows are). Pure.
 */
export function textOfBytes(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return undefined;
  try {
    // A UTF-8 byte order mark is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
