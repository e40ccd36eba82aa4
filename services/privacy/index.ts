export type { DataSubject, PersonalDataSource } from './personal-data';
export { Privacy, PRIVACY_EXPORTS_CONTAINER, type SourceSummary } from './privacy';
export { fieldSource } from './field-source';
