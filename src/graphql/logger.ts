import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; one line per event, fields rather than prose. */
export function createLogger(level: string, name = 'hub'): Logger {
  return pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}
