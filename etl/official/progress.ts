/**
 * Progress of long imports on the terminal (stderr): one line rewritten in place with "\r" when
 * stderr is a TTY, otherwise a plain line every few seconds (logs and CI stay readable).
 */
import type { FormatId } from './mappings.ts';

export interface ImportProgress {
  phase: 'read' | 'insert' | 'done';
  file: string;
  format: FormatId;
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

/** Where progress goes: stderr by default, or a command channel's stderr relay (never a TTY). */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function terminalProgress(stream: ProgressSink = process.stderr): (p: ImportProgress) => void {
  const tty = Boolean(stream.isTTY);
  let last = 0;
  return (p) => {
    const now = Date.now();
    const final = p.phase === 'done';
    if (!final && now - last < (tty ? 200 : 5000)) return;
    last = now;
    const pct = p.totalBytes > 0 ? ` ${Math.min(100, Math.floor((100 * p.bytesRead) / p.totalBytes))}%` : '';
    const line = `${p.file} [${p.format}] ${p.phase === 'read' ? 'leyendo' : p.phase === 'insert' ? 'insertando' : 'listo'}: ${p.rows.toLocaleString('es-MX')} filas${pct}`;
    if (tty) stream.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}
