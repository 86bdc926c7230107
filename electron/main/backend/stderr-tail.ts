// The backend's last stderr lines, for the status banner and a failed start's message. The backend writes a
// line for every request; splitting each into a string of its own would cost main a readline event a call.
// This keeps the recent text as it came and splits it only when someone asks.
import { StringDecoder } from 'node:string_decoder';

export interface StderrTail {
  add(chunk: Buffer): void;
  /** The last lines, oldest first; a last line without its newline yet counts. */
  lines(): string[];
}

export function createStderrTail(maxLines: number, keepChars = 64 * 1024): StderrTail {
  const decoder = new StringDecoder('utf8');
  let text = '';
  return {
    add(chunk) {
      text += decoder.write(chunk);
      // Trimmed now and then, not on every chunk: at twice the budget, back to the budget at a line start.
      if (text.length > 2 * keepChars) {
        const cut = text.indexOf('\n', text.length - keepChars);
        text = cut === -1 ? text.slice(-keepChars) : text.slice(cut + 1);
      }
    },
    lines() {
      if (maxLines <= 0) return [];
      const lines = text.split(/\r?\n/);
      if (lines.at(-1) === '') lines.pop();
      return lines.slice(-maxLines);
    },
  };
}
