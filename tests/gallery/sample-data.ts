/**
 * Realistic data the samples share: the names, units and words that stretch a card
 * (long German compounds, double names, deep unit paths).
 */
import type { LotsePerson } from '../../cards';

export const longCompound = 'Datenschutzgrundverordnungskonformität';

export const longUnit =
  'Stabsstelle Informationssicherheitsmanagement und Datenschutzgrundverordnungskonformität / Sachgebiet Informationssicherheitsbeauftragte';

export function chatUrl(upn: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`;
}

export const annaLena: LotsePerson = {
  name: 'Dr. Anna-Lena Müller-Lüdenscheidt',
  unit: 'Fachbereich 2 Bürgerservice und Ordnung / Abteilung 2.1 Bürgerbüro',
  chatUrl: chatUrl('anna-lena.mueller-luedenscheidt@stadt.example'),
  absent: false,
};

export const jan: LotsePerson = {
  name: 'Jan Öztürk',
  unit: 'Fachbereich 2 Bürgerservice und Ordnung',
  chatUrl: chatUrl('jan.oeztuerk@stadt.example'),
  absent: true,
  absentUntil: '2026-12-01T00:00:00Z',
};

export const maximiliane: LotsePerson = {
  name: 'Maximiliane Theodora Freifrau von Hohenzollern-Sigmaringen',
  unit: longUnit,
  chatUrl: chatUrl('maximiliane.von-hohenzollern-sigmaringen@stadt.example'),
  absent: true,
};

export const centralTeam: LotsePerson[] = [
  {
    name: 'Adele Vance',
    unit: 'Fachbereich 1 Digitalisierung und IT',
    chatUrl: chatUrl('adele.vance@stadt.example'),
    absent: false,
  },
  {
    name: 'Mehmet Yılmaz',
    unit: 'Fachbereich 1 Digitalisierung und IT',
    chatUrl: chatUrl('mehmet.yilmaz@stadt.example'),
    absent: false,
  },
  {
    name: 'Katharina Wolf',
    unit: 'Fachbereich 1 Digitalisierung und IT',
    chatUrl: chatUrl('katharina.wolf@stadt.example'),
    absent: true,
    absentUntil: '2026-08-14T00:00:00Z',
  },
];
