export { isJsonContentType, isProblemContentType } from '../shared/media-type.js';
export { parseProblem } from './parse-problem.js';
export { DEFAULT_PROBLEM_BASE, problemType, slugOf } from './problem-type.js';
export { FRAMEWORK_PROBLEMS, isProblemSlug, PROBLEM_SLUGS, type ProblemSlug } from './slugs.js';
export { statusToPhrase } from './status-phrase.js';
export { ABOUT_BLANK, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './types.js';
