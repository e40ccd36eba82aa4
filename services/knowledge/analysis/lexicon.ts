/**
 * Domain vocabulary that stemming cannot connect: English words of office IT mapped to
 * the German terms a German knowledge base uses, and German synonyms (colloquial and
 * formal words for the same thing). Generic for digital work in an administration —
 * not phrases of any particular knowledge base.
 */
import { RELATED_WORD_GROUPS } from './related-words';
import { stemEnglish, stemGerman } from './stemming';
import { foldCase, foldTranscriptions } from './text';
import { typoEdits } from './vocabulary';

/** `english words: german words` — the English words are stemmed, any of them matches. */
const ENGLISH_TO_GERMAN = `
  password passwords passcode: passwort kennwort
  forgot forget forgotten: vergessen
  reset: zurücksetzen
  change modify update: ändern
  account accounts user: konto benutzerkonto
  locked lock blocked: gesperrt sperre
  unlock: entsperren
  login logon signin: anmelden anmeldung
  sign signing signed: signieren unterschreiben anmelden
  signature: signatur unterschrift
  printer printers: drucker
  print printing printout: drucken ausdruck
  scan scanned scanner: scannen scan
  copier copy: kopierer
  paper: papier
  jam: papierstau
  ink cartridge: toner
  meeting meetings conference videoconference: besprechung meeting videokonferenz
  call calls: anruf anrufe
  phone telephone: telefon handy
  mobile smartphone cellphone: handy smartphone diensthandy
  laptop notebook: laptop
  computer pc desktop: rechner pc
  screen display: bildschirm
  monitor: monitor bildschirm
  share sharing shared: teilen freigeben freigegeben gemeinsam
  file files: datei dateien
  document documents doc: dokument dokumente
  folder folders directory: ordner
  delete deleted remove removed: löschen gelöscht entfernen
  restore recover undelete: wiederherstellen
  recycle trash bin: papierkorb
  version versions: version versionsverlauf
  history: verlauf
  sync synchronize synchronise syncing: synchronisieren
  mail email emails: mail e-mail
  mailbox inbox: postfach
  calendar: kalender
  appointment: termin
  schedule plan: planen
  room rooms: raum
  book booking reserve: buchen raumbuchung
  vacation holiday holidays: urlaub
  absence absent away: abwesenheit abwesend
  reply answer: antwort
  automatic automatically: automatisch
  encrypt encrypted encryption: verschlüsseln verschlüsselt
  attachment attachments: anhang anhänge
  large big huge: groß große
  size: größe
  external externally: extern externe
  guest guests visitor: gast gäste
  outside: außerhalb extern
  invite invitation: einladen einladung
  channel channels: kanal
  private: privat private
  background: hintergrund
  blur blurred: weichzeichnen
  record recording: aufzeichnen aufzeichnung
  transcript transcription: transkription
  subtitles captions caption: untertitel
  notification notifications notify notified popup: benachrichtigung benachrichtigungen
  message messages: nachricht nachrichten
  yellow: abwesend
  away idle: abwesend
  available availability: verfügbar status
  busy: beschäftigt
  microphone mic: mikrofon
  camera webcam: kamera
  headset headphones: headset
  hear sound audio: hören ton
  connect connection connected: verbinden verbindung
  home: zuhause homeoffice
  remote: homeoffice mobil
  drive drives: laufwerk netzlaufwerk
  network: netzwerk
  install installed installation: installieren
  software program programs: software programm
  app apps application: app anwendung
  admin administrator: administrator
  request apply: beantragen antrag
  permission permissions access rights: berechtigung zugriff
  helpdesk servicedesk support: servicedesk helpdesk
  hotline: hotline
  report: melden
  suspicious: verdächtig
  fake fraud scam spam: gefälscht phishing
  virus malware: virus
  click clicked: klicken geklickt
  stick: stick
  stolen steal theft: gestohlen diebstahl
  lost lose: verloren
  privacy gdpr: datenschutz
  personal: personenbezogen persönlich
  citizen citizens resident: bürger
  accessible accessibility: barrierefrei barrierefreiheit
  training course courses class: schulung kurs
  register registration enrol: anmelden anmeldung
  certificate: zertifikat bescheinigung
  pilot guide navigator: lotse
  manager boss supervisor: führungskraft vorgesetzte chef
  colleague colleagues coworker: kollege kollegen
  human person: mensch person
  forward: weiterleiten
  feedback rate rating: feedback bewerten
  chatbot bot: bot chatbot
  understand: verstehen
  hours hour: stunden
  week weekly: woche
  list: liste
  new: neu neue
  old older previous: alt ältere
  simultaneously together concurrently: gleichzeitig gemeinsam
  edit editing: bearbeiten
  full: voll
  archive: archivieren archiv
  efile erecord records: eakte akte
  storage space quota: speicher platz
  broken defective faulty: defekt kaputt
  work working: arbeit arbeiten
  leave leaving retire retirement quit: ausscheiden verlassen
  authenticator: authenticator
  token: token sicherheitsschlüssel
  electronic digital digitally: elektronisch digital
  contract: vertrag
  error: fehler fehlermeldung
  status: status
  team teams: team teams
  city municipality: stadt stadtverwaltung
  status presence: status
  number: nummer telefonnummer
  cost costs: kosten
  data: daten
  health medical: gesundheit gesundheitsdaten
  allowed permitted: erlaubt darf
  use using: nutzen verwenden
  setup configure: einrichten
  find: finden
  send sending: senden verschicken
  add adding: hinzufügen
  twofactor multifactor mfa 2fa: mfa mehrfaktor
  hide: verstecken ausblenden
  office: büro
  time: zeit
  chat chats: chat
  group groups: gruppe
  link links: link
  own: privat
  iphone android: handy
  tablet: tablet
  department unit division: fachbereich abteilung amt
  accidentally mistakenly accidental: versehentlich
  mistake: fehler versehentlich
  back: zurück zurückholen
  wrong incorrect: falsch
  recipient recipients: empfänger
  sent: verschickt gesendet
  secure securely safe safely: sicher
  responsible contact: zuständig ansprechpartner
  create creating: erstellen anlegen
  open: öffnen erstellen
  show present presentation: zeigen präsentation
  turn enable activate: einschalten aktivieren
  disable deactivate mute: ausschalten stummschalten
`;

/** English question words and modals, for the little weight stop words carry. */
const ENGLISH_FUNCTION_WORDS = new Map([
  ['how', 'wie'],
  ['what', 'was'],
  ['who', 'wer'],
  ['where', 'wo'],
  ['when', 'wann'],
  ['why', 'warum'],
  ['can', 'kann'],
  ['must', 'muss'],
]);

/** Each line is one group of German words that mean the same here. */
const GERMAN_SYNONYMS = `
  passwort kennwort pw passwörter
  handy smartphone mobiltelefon
  laptop notebook rechner computer pc dienstrechner dienstlaptop arbeitsplatzrechner
  chef chefin vorgesetzter vorgesetzte führungskraft
  besprechung meeting videokonferenz konferenz videocall call telko telefonkonferenz onlinemeeting
  drucker kopierer multifunktionsgerät
  klauen geklaut stehlen gestohlen diebstahl
  kaputt defekt
  installieren draufspielen aufspielen draufmachen
  programm software anwendung
  aufnehmen aufzeichnen mitschneiden aufnahme aufzeichnung mitschnitt
  bildschirm monitor display
  headset kopfhörer
  mikrofon mikro
  servicedesk helpdesk hotline support
  lotse lotsin lotsen lotsinnen digitallotse digitallotsin
  wiederherstellen zurückholen wiederholen zurückbekommen zurückkriegen
  gesperrt blockiert
  phishing spam fake betrug gefälscht
  kollege kollegin mitarbeiter mitarbeiterin beschäftigte
  zuhause daheim homeoffice heimarbeit
  unterschreiben unterschrift signieren signatur
  anmelden einloggen login authentifizierung authentifizieren
  schulung kurs fortbildung seminar lehrgang training ausbildung
  ordner verzeichnis
  synchronisieren sync syncen
  hochladen uploaden
  herunterladen downloaden runterladen
  funktionieren klappen
  erstellen anlegen
  beantragen antrag anfordern
  berechtigung zugriff zugriffsrechte zugang
  fehlermeldung fehler
  bürger bürgerin einwohner
  ki chatgpt copilot
  anrufen telefonieren anruf
  mail email
  scannen einscannen
  löschen entfernen
  stummschalten ausschalten
  pdf pdfs
  fb fachbereich
  status verfügbarkeit präsenz onlinestatus
  abwesend inaktiv gelb
  aufgabe tätigkeit
  dienstausweis mitarbeiterausweis chipkarte
  entsperren freischalten
  defekt kaputt hinüber
  ausschalten abschalten abstellen deaktivieren
  einschalten anschalten anmachen aktivieren
  verschicken versenden schicken mailen
  bekommen erhalten kriegen
  bescheinigung zertifikat nachweis teilnahmebescheinigung
  speichern ablegen abspeichern
  liste übersicht
  störung problem
  anleitung handbuch dokumentation
  verbinden einwählen
  abbrechen rausfliegen
  unscharf verschwommen weichzeichnen
  ruhestand rente pension
  kennwortrichtlinie passwortregeln
  benachrichtigung hinweis popup meldung aufploppen
`;

/** The lexicon's own groups and the general related-word layer, read alike. */
const SYNONYM_GROUPS = `${GERMAN_SYNONYMS}\n${RELATED_WORD_GROUPS}`;

const fold = (word: string): string => foldTranscriptions(foldCase(word));
const foldGerman = (word: string): string => stemGerman(fold(word));

/**
 * German stems by English word as listed, and by English stem for the other forms. A
 * listed word keeps its own meaning where the stemmer joins words that differ
 * ("access" is no "accessible", "record" no "records").
 */
function parseEnglish(): {
  germanByWord: Map<string, string[]>;
  germanByStem: Map<string, string[]>;
} {
  const germanByWord = new Map<string, string[]>();
  const germanByStem = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, targets: string[]): void => {
    map.set(key, [...new Set([...(map.get(key) ?? []), ...targets])]);
  };
  for (const line of ENGLISH_TO_GERMAN.trim().split('\n')) {
    const [english = '', german = ''] = line.split(':');
    const targets = german.trim().split(/\s+/).map(foldGerman);
    for (const word of english.trim().split(/\s+/)) {
      add(germanByWord, word, targets);
      add(germanByStem, stemEnglish(word), targets);
    }
  }
  return { germanByWord, germanByStem };
}

/**
 * Each stem with the other members of its groups, and with the members of the groups
 * those share a word with: groups written apart still meet through a common word
 * ("Abteilungsleiter" ~ "Führungskraft" ~ "Vorgesetzter"). One step only, so a chain of
 * groups does not drift into unrelated meanings.
 */
function parseSynonyms(): Map<string, string[]> {
  const direct = new Map<string, Set<string>>();
  for (const line of SYNONYM_GROUPS.trim().split('\n')) {
    const group = new Set(line.trim().split(/\s+/).map(foldGerman));
    for (const stem of group) {
      const others = direct.get(stem) ?? new Set<string>();
      for (const other of group) others.add(other);
      direct.set(stem, others);
    }
  }
  const map = new Map<string, string[]>();
  for (const [stem, group] of direct) {
    const related = new Set<string>();
    for (const member of group) for (const other of direct.get(member) ?? []) related.add(other);
    related.delete(stem);
    map.set(stem, [...related]);
  }
  return map;
}

const english = parseEnglish();
const MIN_MISSPELT_ENGLISH = 6;
const synonyms = parseSynonyms();

/** The folded synonym words and their stems: words the analyser knows beyond the KB. */
export const thesaurusWords: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.trim()
    .split(/\s+/)
    .map((word) => [fold(word), foldGerman(word)]),
);

/** German stems for a lower-case English word, or none. */
export function germanForEnglish(lower: string): readonly string[] {
  return english.germanByWord.get(lower) ?? english.germanByStem.get(stemEnglish(lower)) ?? [];
}

/**
 * German stems for an English word a typo off a lexicon word ("pasword"), or none. Short
 * words are left alone: without an English dictionary, "pivot" or "table" would pass for
 * typos of "pilot" and "tablet".
 */
export function germanForMisspeltEnglish(lower: string): readonly string[] {
  if (lower.length < MIN_MISSPELT_ENGLISH) return [];
  const found = new Set<string>();
  for (const [word, germanWords] of english.germanByWord) {
    if (typoEdits(lower, word) === undefined) continue;
    for (const german of germanWords) found.add(german);
  }
  return [...found];
}

/** The German stem of an English question word or modal, if it is one. */
export function germanFunctionWordFor(lower: string): string | undefined {
  const german = ENGLISH_FUNCTION_WORDS.get(lower);
  return german === undefined ? undefined : foldGerman(german);
}

/**
 * In a chat with the bot the person addressed is the bot: "Was kannst du?", "What can you
 * do?", "Warum findest du nichts?". These pronouns also name it.
 */
const ADDRESSEE_PRONOUNS = new Set(['du', 'dich', 'dir', 'you']);
const BOT = 'bot';

/** The bot's German stem and its synonyms when the word addresses it, else none. */
export function addresseeTerms(folded: string): readonly string[] {
  return ADDRESSEE_PRONOUNS.has(folded) ? [BOT, ...synonymsOf(BOT)] : [];
}

/** German stems that mean the same as the given German stem. */
export function synonymsOf(stem: string): readonly string[] {
  return synonyms.get(stem) ?? [];
}
