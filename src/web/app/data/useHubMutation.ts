import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { App, FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AnyVariables, useMutation } from 'urql';
import { describeError, DescribedError, errorSentence, showErrorOnField } from './errors';

export type MutationOutcome<T> = { data: T; error?: undefined } | { data?: undefined; error: DescribedError };

/**
 * A mutation whose refusal is shown where a person looks for it: BAD_USER_INPUT beside the
 * form field `extensions.field` names, anything else as one sentence in the user's language.
 */
export function useHubMutation<TData, TVariables extends AnyVariables>(document: TypedDocumentNode<TData, TVariables>) {
  const [state, execute] = useMutation<TData, TVariables>(document);
  const { t } = useTranslation();
  const { message } = App.useApp();
  /**
   * `conflictField`: when the hub refuses with a CONFLICT about this field (`extensions.field`,
   * e.g. a clash at the chosen time), its reason goes beside the field instead of a toast: said
   * once, where it was chosen. Other conflicts (the state moved on) stay sentences.
   */
  const run = useCallback(async (variables: TVariables, form?: FormInstance, fieldMap?: Record<string, string>, conflictField?: string): Promise<MutationOutcome<TData>> => {
    const result = await execute(variables);
    if (result.data && !result.error) return { data: result.data };
    const error = describeError(result.error);
    if (form && conflictField && error.code === 'CONFLICT' && error.field === conflictField && error.message) {
      form.setFields([{ name: conflictField, errors: [error.message] }]);
      return { error };
    }
    if (!(form && showErrorOnField(form, error, fieldMap))) void message.error({ content: errorSentence(t, error), className: 'hub-error' });
    return { error };
  }, [execute, message, t]);
  return [run, state.fetching] as const;
}
