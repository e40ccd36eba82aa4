/**
 * The admin CLI: `npm run -s lotse -- <command> ...`.
 * Each command lives in bot/commands/ and is loaded only when it is called,
 * so `lotse route` does not pay for the knowledge engine and vice versa.
 */
import type { CliIo, Command } from './commands/command';
import { UsageError } from './commands/command';

const commands: Record<string, () => Promise<Command>> = {
  audit: async () => (await import('./commands/audit')).auditCommand,
  kb: async () => (await import('./commands/kb')).kbCommand,
  courses: async () => (await import('./commands/courses')).coursesCommand,
  route: async () => (await import('./commands/route')).routeCommand,
};

const usage = `Aufruf: npm run -s lotse -- <Befehl> [Optionen]
Befehle:
  kb import|export|list|eval|gaps   Wissensdatenbank verwalten und bewerten
  courses import|list|attendees|…  Kurse importieren, ändern, absagen; Teilnehmerlisten
  route                             Routing für Nutzerinnen und Nutzer berechnen
  audit                             Protokoll der Versand- und Verwaltungsaktionen`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    io.stderr(usage);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Fehler: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
