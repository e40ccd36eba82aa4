/** The parts of the help card that only lotsen and organisers see. */
export const de = {
  helpLotseHeading: 'Für Digitallotsinnen und Digitallotsen',
  helpOrganiserHeading: 'Für Organisatorinnen und Organisatoren',
  commandAbsent: 'abwesend bis 24.12.',
  commandAbsentText: 'neue Anfragen gehen bis dahin an andere',
  commandBack: 'wieder da',
  commandBackText: 'Sie erhalten wieder neue Anfragen',
  commandAnnounce: 'mitteilung',
  commandAnnounceText:
    'schreibt eine Mitteilung an viele – mit Vorschau, Sendezeit und Zustellbericht',
};

export const en: typeof de = {
  helpLotseHeading: 'For Digitallotsen',
  helpOrganiserHeading: 'For organisers',
  commandAbsent: 'absent until 24.12.',
  commandAbsentText: 'new requests go to others until then',
  commandBack: 'back',
  commandBackText: 'you receive new requests again',
  commandAnnounce: 'announce',
  commandAnnounceText:
    'writes an announcement to many – with preview, send time and delivery report',
};
