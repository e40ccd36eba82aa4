export {
  DirectoryUnavailableError,
  MAX_MANAGER_STEPS,
  type AutomaticRepliesSetting,
  type DateTimeTimeZone,
  type DirectoryGroupIds,
  type DirectoryHealth,
  type DirectoryRole,
  type DirectoryUser,
  type OrgDirectory,
  type UserType,
} from './types';
export { createDirectory, type DirectoryOptions } from './create-directory';
export { readDirectoryConfig, DirectoryConfigError } from './config';
export {
  DirectoryFileError,
  parseOrgFile,
  readOrgFile,
  validateOrgFile,
  type OrgFile,
} from './file/org-file';
export { FileDirectory, type FileDirectoryOptions } from './file/file-directory';
export { createGraphCredential, type GraphCredentialOptions } from './graph/credential';
export { GraphDirectory, type GraphDirectoryOptions } from './graph/graph-directory';
export { createGraphClient, type GraphClientOptions } from './graph/graph-client';
export { membersOf, hasRole } from './roles';
export { departmentKey, isWithinUnit, unitAncestry } from './routing/department';
export { absenceFromAutomaticReplies, type Absence } from './routing/absence';
export { gatherRoutingInput, type GatheredRouting } from './routing/gather';
export { routeQuestion, type RoutingInput, type RoutingResult } from './routing/route-question';
export { NO_LOAD, type LotseLoad } from './routing/pick';
export { isRoutable, type RoutingRule } from './routing/rules';
export {
  describeLotsen,
  findMyLotse,
  teamsChatUrl,
  type LotseContact,
  type LotseLookup,
  type LotseLookupOptions,
} from './routing/lotse-lookup';
export { UnitCatalog } from './unit-catalog';
