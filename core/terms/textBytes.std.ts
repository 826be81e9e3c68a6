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

/**
 * Whether the bytes start as a PNG, JPEG or WebP picture does (the screenshots terms may come as): anything
 * else named .png is refused before tesseract, which would print its own complaint on the CLI's stderr. Pure.
 */
export function startsAsPicture(bytes: Uint8Array): boolean {
  const startsWith = (signature: readonly number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  return (
    startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
    startsWith([0xff, 0xd8, 0xff]) || // JPEG
    (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) // RIFF....WEBP
  );
}
