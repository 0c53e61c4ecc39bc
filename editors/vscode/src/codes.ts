/**
 * The check codes scopels reports and the severity levels a check can be
 * set to. They must match docs/scopels.schema.json (a test compares them).
 */
export const CHECK_CODES = [
  'unknown-scope',
  'wrong-case',
  'wrong-delimiter',
  'missing-prefix',
  'deprecated-scope',
  'not-granted',
  'duplicate-scope',
  'malformed-scope',
  'url-encoding',
  'redundant-scope',
  'broad-scope',
] as const;

/** A severity a check can be set to; "off" turns the check off. */
export const LEVELS = ['error', 'warning', 'info', 'hint', 'off'] as const;
