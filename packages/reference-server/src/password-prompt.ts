import type { Readable, Writable } from 'node:stream';

interface TtyInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * Asks for a password on a terminal without echoing it (raw mode; Backspace erases, Ctrl-C and
 * Ctrl-D cancel). The question goes to `output` (stderr), so stdout stays for results.
 */
export function promptHidden(question: string, input: TtyInput, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    input.setRawMode?.(true);
    input.resume();
    input.setEncoding('utf8');
    let typed = '';
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || ch === '\u0004') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a stream that is not a terminal (a script pipes the password in). */
export async function readFirstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const end = text.indexOf('\n');
    if (end >= 0) return text.slice(0, end).replace(/\r$/, '');
  }
  return text.replace(/\r$/, '');
}

/**
 * A new password: asked twice without echo on a terminal (both must match), or read from the
 * first line of stdin when it is not one.
 */
export async function readNewPassword(io: { input: TtyInput; output: Writable }, what = 'Password'): Promise<string> {
  if (!io.input.isTTY) return readFirstLine(io.input);
  const first = await promptHidden(`${what}: `, io.input, io.output);
  const second = await promptHidden(`${what} again: `, io.input, io.output);
  if (first !== second) throw new PasswordMismatchError();
  return first;
}

export class PasswordMismatchError extends Error {
  constructor() {
    super('the two passwords differ; nothing was changed');
  }
}
