import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { HubConfig } from '../config';

// NOTE: the rules' default is to throw, which Apollo turns into a 500 "internal error"; with
// propagateOnRejection off they only call onReject, so report through the validation
// context: the client gets a validation error naming the limit, and nothing executes.
const report = { propagateOnRejection: false, exposeLimits: true, onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error)] };

/** Validation rules against hostile queries, shared by HTTP and WebSocket. */
export function queryLimitRules(limits: HubConfig['limits']): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...report }),
    maxAliasesRule({ n: limits.maxAliases, ...report }),
    costLimitRule({ maxCost: limits.maxCost, ...report }),
  ] as unknown as ValidationRule[];
}
