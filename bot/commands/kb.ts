/**
 * `lotse kb <subcommand>`: knowledge base administration and evaluation.
 * Each subcommand is one entry of the table below.
 */
import { UsageError, type Command } from './command';
import { exportCommand, importCommand, KB_ADMIN_USAGE, listCommand } from './kb-admin';
import { evalCommand, KB_EVAL_USAGE } from './kb-eval';
import { gapsCommand, KB_GAPS_USAGE } from './kb-gaps';

const USAGE = `Aufruf: npm run -s lotse -- kb <Unterbefehl> [Optionen]
Unterbefehle:
${KB_ADMIN_USAGE}
${KB_EVAL_USAGE}
${KB_GAPS_USAGE}`;

const subcommands: Record<string, Command> = {
  import: importCommand,
  export: exportCommand,
  list: listCommand,
  eval: evalCommand,
  gaps: gapsCommand,
};

export const kbCommand: Command = async (args, io) => {
  const [name, ...rest] = args;
  const subcommand = name && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (!subcommand) {
    throw new UsageError(name ? `Unbekannter Unterbefehl „${name}“.\n${USAGE}` : USAGE);
  }
  return subcommand(rest, io);
};
