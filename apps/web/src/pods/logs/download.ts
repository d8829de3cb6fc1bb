import { splitTimestamp } from '@irc/shared';

/** Saves the loaded lines as a text file (what is in the browser, not a new request). */
export function downloadLines(lines: readonly string[], fileName: string, withTimestamps: boolean): void {
  const text = (withTimestamps ? lines : lines.map((line) => splitTimestamp(line)[1])).join('\n') + '\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
