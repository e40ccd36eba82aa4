/**
 * Related words of general German office and IT language: each line is a group of words
 * an employee may use for the same thing ("absegnen" for "genehmigen", "Ausbildung" for
 * "Schulung", "Abteilung" for "Fachbereich"). Data only, read by the lexicon like its own
 * synonym groups. Generic for work in an administration — never phrases of one knowledge
 * base or of one evaluation question. A word that means something else in IT ("freigeben"
 * = share, "aufnehmen" = record) stays out of a group where that would mislead.
 */
export const RELATED_WORD_GROUPS = `
  genehmigen genehmigung absegnen zustimmen zustimmung erlauben erlaubnis einverstanden einverständnis
  schulung weiterbildung qualifizierung workshop unterweisung einweisung
  erstellen aufmachen eröffnen aufsetzen
  planen einplanen ansetzen anberaumen terminieren
  verboten tabu untersagt unzulässig
  austausch austauschen vernetzen vernetzung netzwerk community stammtisch
  weiterleiten weitergeben übergeben eskalieren
  einrichten konfigurieren
  hinzufügen ergänzen
  fachbereich abteilung amt referat dienststelle sachgebiet
  führungskraft amtsleitung abteilungsleitung teamleitung amtsleiter abteilungsleiter teamleiter
  frage anliegen anfrage
  nutzen benutzen verwenden einsetzen gebrauchen
  empfänger adressat verteiler
  versehentlich irrtümlich
  löschen wegmachen
  wiederherstellen retten
  verloren verlegt abhanden
  unscharf blurren
  verschlüsseln chiffrieren
  vertraulich geheim sensibel
  homeoffice telearbeit mobilarbeit
  eakte dms dokumentenmanagement
  stick speicherstick usbstick
  drucken ausdrucken
  bot chatbot assistent
  bewerten bewertung feedback rückmeldung rückmelden zurückmelden
  abwesenheitsnotiz abwesenheitsassistent abwesenheitsmeldung
  formular vordruck
  bürger antragsteller anwohner
  handbuch leitfaden tutorial
  ändern wechseln umstellen anpassen abändern
  übertragen umziehen mitnehmen
  anzeigen auftauchen erscheinen sichtbar
  raum saal zimmer
  sehen einsehen nachschauen nachsehen nachgucken gucken mitlesen
  lernen beibringen
  mfa mehrfaktor zweifaktor faktor mehrfaktorauthentifizierung zweifaktorauthentifizierung
  diensthandy diensttelefon firmenhandy dienstsmartphone diensttablet
  dienst dienstlich
  handy iphone android
  funktionspostfach gruppenpostfach sammelpostfach teampostfach gemeinschaftspostfach
  zeitbudget zeitaufwand zeitkontingent stundenkontingent stundenumfang
  verstecken verbergen ausblenden
  reservieren buchen
  vertretung stellvertretung vertreter stellvertreter urlaubsvertretung
  verdächtig komisch merkwürdig seltsam dubios suspekt
  defekt spinnen streiken
  zeigen präsentieren vorführen
  anhang anlage dateianhang
  whatsapp messenger signal telegram threema
  telefonnummer rufnummer durchwahl
  vpn fernzugriff fernzugang remotezugang
  ausscheiden weggehen kündigen
  bearbeitungsstand bearbeitungsstatus fortschritt
  browser webbrowser edge chrome firefox
  datenpanne datenleck datenschutzverstoß datenschutzvorfall
  datenschutzkonform dsgvokonform
  dokument schriftstück unterlage unterlagen
  druckauftrag druckjob
  dropbox wetransfer
  einrichten einstellen
  falsch verkehrt
  freigeben teilen
  klicken anklicken draufklicken
  gemeinsam geteilt
  gerät endgerät
  hörgeschädigt schwerhörig gehörlos
  kamera webcam
  konto account nutzerkonto benutzerkonto
  link verknüpfung url
  nachricht mitteilung
  outlook mailprogramm
  papierkorb mülleimer
  postfach mailbox posteingang
  stadtverwaltung verwaltung
  teilnehmer teilnehmende
  teilnehmen mitmachen dabeisein
  ticket störungsmeldung supportanfrage
  toner druckerpatrone patrone
  version fassung
  virus schadsoftware trojaner malware
  vorlage template muster
  website webseite internetseite homepage
  zugriff zugreifen
  zuständig verantwortlich ansprechpartner ansprechpartnerin ansprechperson
  verstehen kapieren checken raffen begreifen
  barrierefrei barrierefreiheit sehbehindert blind screenreader bildschirmleser
`;
