/** Edge validation helpers for API input: shape, sizes and enums, with messages safe to show. */
import { ValidationError } from '../domain/errors';

export function jsonObject(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function requiredString(
  obj: Readonly<Record<string, unknown>>,
  field: string,
  options: { readonly maxLength: number; readonly pattern?: RegExp },
): string {
  const value = Object.hasOwn(obj, field) ? obj[field] : undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`${field} is required`);
  if (value.length > options.maxLength)
    throw new ValidationError(`${field} is longer than ${options.maxLength} characters`);
  if (options.pattern && !options.pattern.test(value))
    throw new ValidationError(`${field} is not in the expected format`);
  return value;
}
