/**
 * `lotse route --directory <file.json> (--user <upn-or-id>)... | --all [--at <ISO time>]`:
 * one JSON line per user with the rule, the candidates (sorted UPNs) and the pick now.
 */
import { parseArgs } from 'node:util';
import {
  createDirectory,
  DirectoryFileError,
  gatherRoutingInput,
  routeQuestion,
  type OrgDirectory,
} from '../../services/directory';
import { UsageError, type CliIo, type Command } from './command';

const USAGE =
  'Aufruf: lotse route --directory <datei.json> (--user <upn-oder-id>)... | --all [--at <ISO-Zeit>]';

export const routeCommand: Command = async (args, io) => {
  const options = parseOptions(args);
  let directory: OrgDirectory;
  try {
    directory = createDirectory({ kind: 'file', path: options.directory });
  } catch (error) {
    if (!(error instanceof DirectoryFileError)) throw error;
    io.stderr(`Verzeichnisdatei fehlerhaft: ${error.message}`);
    return 2;
  }
  if (options.all) {
    for await (const user of directory.users())
      await printRoute(directory, user.id, options.at, io);
  } else {
    for (const key of options.users) await printRoute(directory, key, options.at, io);
  }
  return 0;
};

interface RouteOptions {
  directory: string;
  users: string[];
  all: boolean;
  at: Date;
}

function parseOptions(args: string[]): RouteOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        directory: { type: 'string' },
        user: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        at: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const users = values.user ?? [];
  if (!values.directory) throw new UsageError(`--directory fehlt\n${USAGE}`);
  if (values.all === users.length > 0) {
    throw new UsageError(`Entweder --all oder mindestens ein --user angeben\n${USAGE}`);
  }
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at: keine gültige Zeit: ${values.at}`);
  return { directory: values.directory, users, all: values.all, at };
}

async function printRoute(
  directory: OrgDirectory,
  key: string,
  at: Date,
  io: CliIo,
): Promise<void> {
  const input = await gatherRoutingInput(directory, key);
  if (!input.asker) {
    io.stderr(`Warnung: ${key} ist nicht im Verzeichnis – das zentrale Team ist zuständig`);
  }
  const result = routeQuestion(input, at);
  io.stdout(
    JSON.stringify({
      user: input.asker?.userPrincipalName ?? key,
      rule: result.rule,
      candidates: result.candidates.map((user) => user.userPrincipalName).sort(),
      pick: result.pick?.userPrincipalName ?? null,
    }),
  );
}
