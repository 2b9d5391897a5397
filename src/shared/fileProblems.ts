/**
 * What is wrong at the line and field of a refused campaign file, as a code the pages word in
 * their language (the refusal's `message` says it in English). No zod: the pages' checks import it.
 */
export const FILE_PROBLEMS = ['empty', 'not_json', 'missing', 'wrong_type', 'too_long', 'too_short', 'wrong_value', 'wrong_format', 'other'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];
