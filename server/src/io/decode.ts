// Turns a file's bytes into text the parser can take, or says plainly why it will not be
// checked: files are UTF-8 (LANGUAGE.md § 1). A byte-order mark is dropped, as editors do,
// so the command line's columns match the editor's.

export type Decoded = { ok: true; text: string } | { ok: false; reason: string; line: number; character: number };

/** Files larger than this are not checked (a classified archive's files are small). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function decodeSalastus(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, reason: `not checked: the file is ${(bytes.length / 1048576).toFixed(0)} MB, more than the ${MAX_FILE_BYTES / 1048576} MB Salastus checks`, line: 0, character: 0 };
  }
  if (looksBinary(bytes)) {
    return { ok: false, reason: 'not checked: this is a binary file, not the text of a .salastus file', line: 0, character: 0 };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lines = before.split(/\r\n|\r|\n/);
    return {
      ok: false,
      reason: `not checked: the file is not valid UTF-8 (byte ${at} is not part of a UTF-8 character). Save it as UTF-8.`,
      line: lines.length - 1,
      character: lines[lines.length - 1]!.length,
    };
  }
  return { ok: true, text };
}

/** Binary: NUL bytes or many control characters in the first 8 KiB. A lone NUL in text is a syntax error instead. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return nul > 1 || (n > 0 && (nul + control) / n > 0.1);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length;
}
