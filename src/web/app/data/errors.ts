import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'NETWORK' | 'INTERNAL';

/** What went wrong, as the screens need it: a code, the server's sentence, and the field it names. */
export interface DescribedError {
  code: ErrorCode;
  /** The hub's message (localised by the hub from Accept-Language); never a stack or JSON. */
  message: string;
  /** For BAD_USER_INPUT: the input field (`extensions.field`, without the `input.` prefix). */
  field?: string;
}

interface GraphQLishError {
  message?: string;
  extensions?: { code?: unknown; field?: unknown };
}

const KNOWN: ErrorCode[] = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];

/** Normalises an urql CombinedError, a graphql-ws error list, a CloseEvent or anything thrown. */
export function describeError(error: unknown): DescribedError {
  const graphQLErrors: GraphQLishError[] = Array.isArray(error)
    ? error
    : ((error as { graphQLErrors?: GraphQLishError[] } | null)?.graphQLErrors ?? []);
  const first = graphQLErrors[0];
  if (first) {
    const code = String(first.extensions?.code ?? '');
    const field = typeof first.extensions?.field === 'string' ? first.extensions.field.replace(/^input\./, '') : undefined;
    return {
      code: (KNOWN as string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL',
      message: String(first.message ?? ''),
      ...(field ? { field } : {}),
    };
  }
  if ((error as { networkError?: unknown } | null)?.networkError || error instanceof TypeError || (error as { type?: string })?.type === 'close') {
    return { code: 'NETWORK', message: '' };
  }
  return { code: 'INTERNAL', message: '' };
}

/**
 * One sentence in the user's language: the code's own sentence, and the hub's reason where it
 * helps (CONFLICT names the winner, FORBIDDEN the rule). INTERNAL never shows server text.
 */
export function errorSentence(t: TFunction, error: DescribedError): string {
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return t('common:errors.BAD_USER_INPUT', { message: error.message });
    case 'NETWORK':
    case 'INTERNAL':
    case 'UNAUTHENTICATED':
      return t(`common:errors.${error.code}`);
    default:
      return error.message
        ? `${t(`common:errors.${error.code}`)} ${t('common:errors.detail', { message: error.message })}`
        : t(`common:errors.${error.code}`);
  }
}

/**
 * Puts a BAD_USER_INPUT message beside the form field that `extensions.field` names
 * (`fieldMap` renames server fields to form fields). Returns false when the error is for no
 * field of this form, so the caller shows it as a sentence instead.
 */
export function showErrorOnField(form: FormInstance, error: DescribedError, fieldMap: Record<string, string> = {}): boolean {
  if (error.code !== 'BAD_USER_INPUT' || !error.field) return false;
  const name = fieldMap[error.field] ?? error.field;
  const path = name.split('.');
  // getFieldsValue() lists every registered Form.Item, also those still empty.
  if (!(path[0] in (form.getFieldsValue() as object))) return false;
  form.setFields([{ name: path, errors: [error.message] }]);
  form.scrollToField(path);
  return true;
}
