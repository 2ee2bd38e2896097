/**
 * Structured logging. Message text, goals, learnings and tokens never reach a
 * log: the redaction list below is the last line of defence; the first is
 * that callers log ids and counts, not content.
 */
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

const REDACT = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'text',
  '*.text',
  'goals',
  '*.goals',
  'learning',
  '*.learning',
  'value',
  '*.value',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'polku' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A correlation id: taken from a trusted caller's header when well-formed, otherwise new. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  return raw && /^[A-Za-z0-9-]{8,64}$/.test(raw) ? raw : randomUUID();
}

/** Errors carry SDK request details; keep the name, message, code and stack, never bodies or headers. */
export function errorForLog(error: unknown): {
  name: string;
  message: string;
  stack?: string;
  code?: string;
} {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { name: 'NonError', message: String(error) };
}
