/** `lotse audit [--since 7d] [--json]`: the audit log for administrators. */
import { AuditLog } from '../../services/audit';
import type { Command } from './command';
import { withConfiguredStore } from './configured-store';
import { parseDuration, parseOptions } from './options';

const USAGE = `Aufruf: npm run -s lotse -- audit [--since 7d] [--json]
  Wer hat wann was getan: Versand, Freigaben, Rückrufe, Kursänderungen, Verwaltungsaktionen.`;

export const auditCommand: Command = async (args, io) => {
  const { values } = parseOptions(
    args,
    { since: { type: 'string', default: '7d' }, json: { type: 'boolean' } },
    USAGE,
  );
  const sinceMs = parseDuration(String(values.since));
  const entries = await withConfiguredStore((store, clock) =>
    new AuditLog(store, clock).since(new Date(clock.now().getTime() - sinceMs)),
  );
  for (const entry of entries) {
    if (values.json === true) {
      io.stdout(JSON.stringify(entry));
      continue;
    }
    const details = entry.details
      ? ' ' +
        Object.entries(entry.details)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ')
      : '';
    io.stdout(
      `${entry.at}  ${entry.action.padEnd(18)} ${entry.actor.name ?? entry.actor.id}${entry.target ? ` → ${entry.target}` : ''}${details}`,
    );
  }
  if (entries.length === 0 && values.json !== true) io.stdout('Keine Einträge im Zeitraum.');
  return 0;
};
