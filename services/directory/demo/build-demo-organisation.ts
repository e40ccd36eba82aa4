/**
 * Writes demo-organisation.json, the small fictional city administration that local mode
 * and the demo use. Every routing case has at least one person here (see the notes in
 * the table). Run after editing: `npx tsx services/directory/demo/build-demo-organisation.ts`.
 *
 * The first six people carry the fixed object ids of the Microsoft 365 Agents Playground's
 * default users, so the local chat client talks to the bot as Alex Wilber (an employee of
 * the Bürgerbüro, whose lotsin is Megan Bowen) and can switch to the other five.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AutomaticRepliesSetting } from '../types';

const TENANT_ID = '00000000-0000-0000-0000-0000000000001'; // the Playground's tenant
const DOMAIN = 'stadt-beispiel.de';

const OB = 'Büro der Oberbürgermeisterin';
const DIT = 'Fachbereich Digitalisierung und IT';
const IT_SERVICE = `${DIT} / Abteilung IT-Service`;
const FB1 = 'Fachbereich 1 Zentrale Dienste';
const PERSONAL = `${FB1} / Abteilung 1.1 Personal`;
const FB2 = 'Fachbereich 2 Bürgerservice und Ordnung';
const BUERGERBUERO = `${FB2} / Abteilung 2.1 Bürgerbüro`;
const ORDNUNG = `${FB2} / Abteilung 2.2 Ordnung und Verkehr`;
const FB3 = 'Fachbereich 3 Finanzen';
const KAEMMEREI = `${FB3} / Abteilung 3.1 Kämmerei`;
const STEUERN = `${FB3} / Abteilung 3.2 Steuern und Abgaben`;
const FB4 = 'Fachbereich 4 Jugend, Familie und Soziales';
const KITAS = `${FB4} / Abteilung 4.2 Kindertagesbetreuung`;
const TBO = 'Technische Betriebe (TBO)';

type Role = 'lotse' | 'central' | 'organiser' | 'admin' | 'trainee';
type Absence = 'always' | 'past' | 'future' | 'stale-disabled';

interface Person {
  key: string;
  name: string;
  jobTitle: string;
  department: string | null;
  manager?: string;
  roles?: Role[];
  absence?: Absence;
  disabled?: boolean;
  guestOf?: string;
  id?: string;
  english?: boolean;
}

/** A user in Graph's shape (more fields than the bot reads, as Graph has them too). */
interface DemoUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string | null;
  companyName: string;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  preferredLanguage: 'de-DE' | 'en-US';
  manager: { id: string } | null;
  mailboxSettings: { automaticRepliesSetting: AutomaticRepliesSetting } | null;
}

export interface DemoOrganisation {
  tenantId: string;
  lotsenGroupId: string;
  centralGroupId: string;
  organisersGroupId: string;
  adminsGroupId: string;
  users: DemoUser[];
  groups: { id: string; displayName: string; description: string; members: { id: string }[] }[];
}

// prettier-ignore
const PEOPLE: Person[] = [
  // The Agents Playground's users (fixed ids).
  { key: 'alex', id: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber', jobTitle: 'Sachbearbeiter', department: BUERGERBUERO, manager: 'keller', roles: ['trainee'] },
  { key: 'megan', id: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen', jobTitle: 'Sachbearbeiterin', department: BUERGERBUERO, manager: 'keller', roles: ['lotse'], english: true },
  { key: 'adele', id: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance', jobTitle: 'Digitallotsin', department: DIT, manager: 'krause', roles: ['lotse', 'central', 'organiser'] },
  { key: 'isaiah', id: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer', jobTitle: 'Personalentwicklung', department: PERSONAL, manager: 'braun', roles: ['organiser'] },
  { key: 'patti', id: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez', jobTitle: 'Systemadministratorin', department: IT_SERVICE, manager: 'vogel', roles: ['admin'] },
  { key: 'lynne', id: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins', jobTitle: 'Erzieherin', department: 'Kita Sonnenblume', manager: 'kaya' }, // manager chain to Abteilung 4.2

  // Leadership: the chains end at the mayor, who has no manager.
  { key: 'ob', name: 'Dr. Friederike Hollmann', jobTitle: 'Oberbürgermeisterin', department: OB },
  { key: 'petersen', name: 'Jan Petersen', jobTitle: 'Persönlicher Referent', department: OB, manager: 'ob' },
  { key: 'albrecht', name: 'Thomas Albrecht', jobTitle: 'Dezernent', department: 'Dezernat II', manager: 'ob' },

  // Fachbereich Digitalisierung und IT: the central team of four; its Abteilung has no lotse.
  { key: 'krause', name: 'Sabine Krause', jobTitle: 'Fachbereichsleiterin', department: DIT, manager: 'ob' },
  { key: 'yilmaz', name: 'Mehmet Yılmaz', jobTitle: 'Digitallotse', department: DIT, manager: 'krause', roles: ['lotse', 'central'] },
  { key: 'wolf', name: 'Katharina Wolf', jobTitle: 'Digitallotsin', department: DIT, manager: 'krause', roles: ['lotse', 'central'], absence: 'stale-disabled' },
  { key: 'schmitt', name: 'Lukas Schmitt', jobTitle: 'Digitallotse', department: DIT, manager: 'krause', roles: ['lotse', 'central'] },
  { key: 'vogel', name: 'Bernd Vogel', jobTitle: 'Abteilungsleiter IT-Service', department: IT_SERVICE, manager: 'krause' },
  { key: 'hansen', name: 'Ole Hansen', jobTitle: 'IT-Support', department: IT_SERVICE, manager: 'vogel' }, // manager chain to the central lotsen

  // Fachbereich 1: Personal has no lotse and a disabled head who is still walked past.
  { key: 'lehmann', name: 'Petra Lehmann', jobTitle: 'Fachbereichsleiterin', department: FB1, manager: 'ob' },
  { key: 'hartmann', name: 'Sandra Hartmann', jobTitle: 'Assistenz der Fachbereichsleitung', department: FB1, manager: 'lehmann', roles: ['lotse'] },
  { key: 'braun', name: 'Michael Braun', jobTitle: 'Abteilungsleiter Personal', department: PERSONAL, manager: 'lehmann', disabled: true },
  { key: 'oconnor', name: "Siobhan O'Connor", jobTitle: 'Personalsachbearbeiterin', department: PERSONAL, manager: 'braun', english: true },
  { key: 'schroeder', name: 'Finn Schröder', jobTitle: 'Auszubildender', department: null, manager: 'lehmann' }, // no department
  { key: 'zimmer', name: 'Lea Zimmer', jobTitle: 'Auszubildende', department: '   ', manager: 'braun' }, // whitespace only

  // Fachbereich 2: Bürgerbüro with two lotsen (one away), messy spellings of its name, a
  // near miss, a guest and a disabled account; Abteilung 2.2 routes to the Fachbereich's lotsin.
  { key: 'brandt', name: 'Dr. Claudia Brandt', jobTitle: 'Fachbereichsleiterin', department: FB2, manager: 'albrecht' },
  { key: 'aksoy', name: 'Emine Aksoy', jobTitle: 'Assistenz der Fachbereichsleitung', department: FB2, manager: 'brandt', roles: ['lotse'] },
  { key: 'keller', name: 'Andreas Keller', jobTitle: 'Abteilungsleiter Bürgerbüro', department: BUERGERBUERO, manager: 'brandt' },
  { key: 'mueller', name: 'Jörg Müller', jobTitle: 'Sachbearbeiter', department: BUERGERBUERO, manager: 'keller', roles: ['lotse'], absence: 'always' },
  { key: 'demir', name: 'Ayşe Demir', jobTitle: 'Sachbearbeiterin', department: BUERGERBUERO, manager: 'keller' },
  { key: 'richter', name: 'Sven Richter', jobTitle: 'Sachbearbeiter', department: '  fachbereich 2 bürgerservice und ordnung /  abteilung 2.1 BÜRGERBÜRO ', manager: 'keller' },
  { key: 'vogt', name: 'Greta Vogt', jobTitle: 'Sachbearbeiterin', department: BUERGERBUERO.normalize('NFD'), manager: 'keller' },
  { key: 'ahrens', name: 'Jonas Ahrens', jobTitle: 'Sachbearbeiter', department: `${FB2}\t/\u00a0Abteilung 2.1  Bürgerbüro`, manager: 'keller' },
  { key: 'berg', name: 'Miriam Berg', jobTitle: 'Sachbearbeiterin', department: 'FB 2 / Abt. 2.1 Bürgerbüro', manager: 'keller' }, // near miss: manager chain
  { key: 'brandl', name: 'Heike Brandl', jobTitle: 'Sachbearbeiterin', department: BUERGERBUERO, manager: 'keller', disabled: true },
  { key: 'lange', name: 'Tobias Lange (extern)', jobTitle: 'Berater', department: BUERGERBUERO, manager: 'keller', guestOf: 'beratung-nord.example' },
  { key: 'hoffmann', name: 'Frank Hoffmann', jobTitle: 'Abteilungsleiter Ordnung und Verkehr', department: ORDNUNG, manager: 'brandt' },
  { key: 'schulz', name: 'Nina Schulz', jobTitle: 'Kommunaler Ordnungsdienst', department: ORDNUNG, manager: 'hoffmann', roles: ['trainee'] },
  { key: 'becker', name: 'Paul Becker', jobTitle: 'Verkehrsüberwachung', department: ORDNUNG, manager: 'hoffmann' },

  // Fachbereich 3: Kämmerei has two enabled lotsen (a lotse asking gets the other) and a
  // disabled one still in the group; Steuern's only lotsin asking goes to the central team.
  { key: 'schaefer', name: 'Martin Schäfer', jobTitle: 'Fachbereichsleiter', department: FB3, manager: 'albrecht' },
  { key: 'meier', name: 'Ursula Meier', jobTitle: 'Abteilungsleiterin Kämmerei', department: KAEMMEREI, manager: 'schaefer' },
  { key: 'weiss', name: 'Stefanie Weiß', jobTitle: 'Haushaltssachbearbeiterin', department: KAEMMEREI, manager: 'meier', roles: ['lotse'] },
  { key: 'koch', name: 'Daniel Koch', jobTitle: 'Haushaltssachbearbeiter', department: KAEMMEREI, manager: 'meier', roles: ['lotse'], absence: 'past' },
  { key: 'zimmermann', name: 'Rainer Zimmermann', jobTitle: 'Haushaltssachbearbeiter', department: KAEMMEREI, manager: 'meier', roles: ['lotse'], disabled: true },
  { key: 'neumann', name: 'Laura Neumann', jobTitle: 'Sachbearbeiterin Anlagenbuchhaltung', department: KAEMMEREI, manager: 'meier' },
  { key: 'wagner', name: 'Gerhard Wagner', jobTitle: 'Abteilungsleiter Steuern und Abgaben', department: STEUERN, manager: 'schaefer' },
  { key: 'krueger', name: 'Julia Krüger', jobTitle: 'Sachbearbeiterin Gewerbesteuer', department: STEUERN, manager: 'wagner', roles: ['lotse'] },
  { key: 'fuchs', name: 'Sebastian Fuchs', jobTitle: 'Sachbearbeiter Grundsteuer', department: STEUERN, manager: 'wagner' },

  // Fachbereich 4: a Kita without lotse reaches the Abteilung's lotsin; an SFZ with its own.
  { key: 'schwarz', name: 'Birgit Schwarz', jobTitle: 'Fachbereichsleiterin', department: FB4, manager: 'albrecht' },
  { key: 'berger', name: 'Monika Berger', jobTitle: 'Abteilungsleiterin Kindertagesbetreuung', department: KITAS, manager: 'schwarz' },
  { key: 'mueller-schmidt', name: 'Anna-Lena Müller-Schmidt', jobTitle: 'Fachberatung Kita', department: KITAS, manager: 'berger', roles: ['lotse'] },
  { key: 'kaya', name: 'Sevgi Kaya', jobTitle: 'Kitaleiterin', department: 'Kita Sonnenblume', manager: 'berger' },
  { key: 'nowak', name: 'Małgorzata Nowak', jobTitle: 'Erzieherin', department: 'Kita Sonnenblume', manager: 'kaya' },
  { key: 'roth', name: 'Karin Roth', jobTitle: 'Leiterin', department: 'Stadtteil- und Familienzentrum Nord', manager: 'schwarz' },
  { key: 'petrovic', name: 'Đorđe Petrović', jobTitle: 'Sozialarbeiter', department: 'Stadtteil- und Familienzentrum Nord', manager: 'roth', roles: ['lotse'], absence: 'past' },
  { key: 'weber', name: 'Niklas Weber', jobTitle: 'Sozialarbeiter', department: 'Stadtteil- und Familienzentrum Nord', manager: 'roth' },

  // Technische Betriebe: the Bauhof has a lotse; Stadtgrün has none anywhere up its chain.
  { key: 'schuster', name: 'Werner Schuster', jobTitle: 'Betriebsleiter', department: TBO, manager: 'albrecht' },
  { key: 'schneider', name: 'Klaus Schneider', jobTitle: 'Vorarbeiter', department: `${TBO} / Bauhof`, manager: 'schuster' },
  { key: 'wolff', name: 'Stefan Wolff', jobTitle: 'Straßenwärter', department: `${TBO} / Bauhof`, manager: 'schneider', roles: ['lotse'], absence: 'future' },
  { key: 'yildiz', name: 'Ömer Yıldız', jobTitle: 'Straßenwärter', department: `${TBO} / Bauhof`, manager: 'schneider' },
  { key: 'peters', name: 'Hans Peters', jobTitle: 'Gärtner', department: `${TBO} / Stadtgrün`, manager: 'schuster', roles: ['trainee'] }, // central

  // Stabsstelle Bürgerbeteiligung: a manager cycle (head -> Referent -> head): central.
  { key: 'lorenz', name: 'Sophie Lorenz', jobTitle: 'Leiterin der Stabsstelle', department: 'Stabsstelle Bürgerbeteiligung', manager: 'jansen' },
  { key: 'jansen', name: 'Moritz Jansen', jobTitle: 'Referent', department: 'Stabsstelle Bürgerbeteiligung', manager: 'lorenz' },
  { key: 'busch', name: 'Clara Busch', jobTitle: 'Sachbearbeiterin', department: 'Stabsstelle Bürgerbeteiligung', manager: 'lorenz' },

  // Neither department nor manager: central.
  { key: 'graf', name: 'Leon Graf', jobTitle: 'Praktikant', department: null },
];

const GROUPS: { key: string; name: string; description: string; role: Role }[] = [
  {
    key: 'lotsen',
    name: 'Digitallotsen',
    description: 'Alle Digitallotsinnen und Digitallotsen',
    role: 'lotse',
  },
  {
    key: 'central',
    name: 'Digitallotsen Zentrale',
    description: 'Zentrales Team im Fachbereich Digitalisierung und IT',
    role: 'central',
  },
  {
    key: 'organisers',
    name: 'Digitallotsen Organisation',
    description: 'Kurse und Ankündigungen',
    role: 'organiser',
  },
  {
    key: 'admins',
    name: 'Digitallotse Administration',
    description: 'Betrieb des Bots',
    role: 'admin',
  },
  // Not lotsen, despite the name: groups are matched by id only.
  {
    key: 'trainees',
    name: 'Digitallotsen – Schulung Frühjahr 2027',
    description: 'Teilnehmende der nächsten Schulung',
    role: 'trainee',
  },
];

const AUTOMATIC_REPLIES: Record<Absence, AutomaticRepliesSetting> = {
  always: {
    status: 'alwaysEnabled',
    scheduledStartDateTime: utc('2024-03-01T00:00:00'),
    scheduledEndDateTime: utc('2024-03-02T00:00:00'),
  },
  past: {
    status: 'scheduled',
    scheduledStartDateTime: utc('2025-08-04T06:00:00'),
    scheduledEndDateTime: utc('2025-08-22T16:00:00'),
  },
  future: {
    status: 'scheduled',
    scheduledStartDateTime: utc('2099-07-01T06:00:00'),
    scheduledEndDateTime: utc('2099-07-15T16:00:00'),
  },
  'stale-disabled': {
    status: 'disabled',
    scheduledStartDateTime: utc('2025-01-02T07:00:00'),
    scheduledEndDateTime: utc('2099-01-01T00:00:00'),
  },
};

function utc(dateTime: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${dateTime}.0000000`, timeZone: 'UTC' };
}

/** A stable GUID-shaped id from a name, so rebuilding gives the same file. */
function idOf(key: string): string {
  const hex = createHash('sha256').update(`demo:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `vorname.nachname` as the city writes it: umlauts spelled out, other marks dropped. */
function mailName(given: string, surname: string): string {
  const ascii = (text: string): string =>
    text
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/ł/g, 'l')
      .replace(/đ/g, 'd')
      .replace(/ı/g, 'i')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\s']/g, '');
  return `${ascii(given)}.${ascii(surname)}`;
}

function userOf(person: Person, idFor: (key: string) => string): DemoUser {
  const plainName = person.name.replace(/^Dr\. /, '').replace(/ \(extern\)$/, '');
  const [givenName = '', ...rest] = plainName.split(' ');
  const surname = rest.join(' ');
  const local = mailName(givenName, surname);
  const guestOf = person.guestOf;
  return {
    id: idFor(person.key),
    displayName: person.name,
    givenName,
    surname,
    mail: `${local}@${guestOf ?? DOMAIN}`,
    userPrincipalName: guestOf
      ? `${local}_${guestOf}#EXT#@beispielstadt.onmicrosoft.com`
      : `${local}@${DOMAIN}`,
    jobTitle: person.jobTitle,
    department: person.department,
    companyName: guestOf
      ? 'Beratung Nord GmbH'
      : person.department?.startsWith(TBO)
        ? 'Technische Betriebe Beispielstadt (TBO)'
        : 'Stadt Beispielstadt',
    accountEnabled: !person.disabled,
    userType: guestOf ? 'Guest' : 'Member',
    preferredLanguage: person.english ? 'en-US' : 'de-DE',
    manager: person.manager ? { id: idFor(person.manager) } : null,
    mailboxSettings: guestOf
      ? null
      : {
          automaticRepliesSetting: person.absence
            ? AUTOMATIC_REPLIES[person.absence]
            : { status: 'disabled' },
        },
  };
}

export function buildDemoOrganisation(): DemoOrganisation {
  const ids = new Map(PEOPLE.map((person) => [person.key, person.id ?? idOf(person.key)]));
  const idFor = (key: string): string => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Unbekannte Person ${key}`);
    return id;
  };
  const groupId = (key: string): string => idOf(`group:${key}`);
  return {
    tenantId: TENANT_ID,
    lotsenGroupId: groupId('lotsen'),
    centralGroupId: groupId('central'),
    organisersGroupId: groupId('organisers'),
    adminsGroupId: groupId('admins'),
    users: PEOPLE.map((person) => userOf(person, idFor)),
    groups: GROUPS.map((group) => ({
      id: groupId(group.key),
      displayName: group.name,
      description: group.description,
      members: PEOPLE.filter((p) => p.roles?.includes(group.role)).map((p) => ({
        id: idFor(p.key),
      })),
    })),
  };
}

/** Plain two-space JSON: what prettier (and `npm run lint`) accept unchanged. */
export function formatOrganisation(org: DemoOrganisation): string {
  return `${JSON.stringify(org, null, 2)}\n`;
}

export const DEMO_ORGANISATION_FILE = join(__dirname, 'demo-organisation.json');

if (require.main === module) {
  writeFileSync(DEMO_ORGANISATION_FILE, formatOrganisation(buildDemoOrganisation()));
  process.stdout.write(`${DEMO_ORGANISATION_FILE}: ${PEOPLE.length} Personen\n`);
}
