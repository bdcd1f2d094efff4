// Offsets ↔ line/character positions (0-based, UTF-16 code units, as in LSP).
// A line ends at "\r\n", "\n" or a lone "\r", so ranges land on the right characters
// whatever line endings a file uses.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];
  readonly length: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[pos.line]!;
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1]! : this.length;
    return Math.max(start, Math.min(start + Math.max(0, pos.character), next));
  }
}
