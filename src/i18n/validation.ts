import type { ValidationOptions } from 'class-validator';
import type { MessageKey } from './catalogue';
import type { Message, MessageParams } from './translate';

const PREFIX = 'i18n:';

/**
 * class-validator options whose message is a catalogue sentence: the validator keeps a string,
 * so the key and its values ride in it and the error formatter says them in the reader's
 * language. The violating field is added as {{field}} there.
 */
export const says = (key: MessageKey, params: MessageParams = {}, options: ValidationOptions = {}): ValidationOptions => ({
  ...options,
  message: PREFIX + JSON.stringify({ key, params }),
});

export function saidBy(message: string): Message | null {
  if (!message.startsWith(PREFIX)) return null;
  try {
    const parsed = JSON.parse(message.slice(PREFIX.length));
    return typeof parsed?.key === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
