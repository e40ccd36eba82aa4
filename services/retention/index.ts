export { expired, olderThan, type RetentionRule } from './rules';
export { Retention, RETENTION_JOB_KIND } from './retention';
