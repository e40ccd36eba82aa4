import type { TokenCredential } from '@azure/identity';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import demoOrganisation from './demo/demo-organisation.json';
import { FileDirectory } from './file/file-directory';
import { validateOrgFile } from './file/org-file';
import { createGraphCredential, type GraphCredentialOptions } from './graph/credential';
import { createGraphClient, type GraphClientOptions } from './graph/graph-client';
import { GraphDirectory } from './graph/graph-directory';
import type { DirectoryGroupIds, OrgDirectory } from './types';

export type DirectoryOptions =
  /** The demo organisation shipped with the bot (local mode). */
  | { kind: 'demo'; groups?: Partial<DirectoryGroupIds> }
  /** An organisation file in Graph's shape; group ids from the file unless given. */
  | { kind: 'file'; path: string; groups?: Partial<DirectoryGroupIds> }
  | ({
      kind: 'graph';
      credential: GraphCredentialOptions | TokenCredential;
      groups: DirectoryGroupIds;
      cacheTtlMs?: number;
      absenceTtlMs?: number;
      cacheMaxEntries?: number;
    } & Omit<GraphClientOptions, 'credential'>);

/**
 * The bot's directory. A file is read (and checked) right away and throws
 * DirectoryFileError when malformed; Graph is only contacted on first use, so the bot
 * starts even when Graph is down.
 */
export function createDirectory(
  options: DirectoryOptions,
  context: { logger?: Logger; clock?: Clock } = {},
): OrgDirectory {
  switch (options.kind) {
    case 'demo':
      return new FileDirectory(validateOrgFile(demoOrganisation, 'Demo-Organisation'), {
        groups: options.groups,
        source: 'Demo-Organisation',
      });
    case 'file':
      return FileDirectory.load(options.path, { groups: options.groups });
    case 'graph': {
      const { credential, groups, cacheTtlMs, absenceTtlMs, cacheMaxEntries, ...client } = options;
      return new GraphDirectory({
        client: createGraphClient({
          ...client,
          credential: 'getToken' in credential ? credential : createGraphCredential(credential),
        }),
        groups,
        cacheTtlMs,
        absenceTtlMs,
        cacheMaxEntries,
        ...context,
      });
    }
  }
}
