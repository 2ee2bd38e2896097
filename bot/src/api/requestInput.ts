/** Edge validation for API input: the domain's rules, applied to request bodies. */
import { field, object, text, violation } from '../domain/validate';

export function jsonObject(body: unknown): Readonly<Record<string, unknown>> {
  return object(body);
}

export function requiredString(
  obj: Readonly<Record<string, unknown>>,
  name: string,
  options: { readonly maxLength: number; readonly pattern?: RegExp },
): string {
  const value = text(field(obj, name), name, { max: options.maxLength, required: true });
  if (options.pattern && !options.pattern.test(value)) violation(name, 'format');
  return value;
}
