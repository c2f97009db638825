import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ValidationRule } from 'graphql';
import type { HubConfig } from '../config';

/** Validation rules against hostile queries, shared by HTTP and WebSocket. */
export function queryLimitRules(limits: HubConfig['limits']): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
    costLimitRule({ maxCost: limits.maxCost, exposeLimits: true }),
  ] as unknown as ValidationRule[];
}
