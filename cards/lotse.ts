import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/lotse.json';

export interface LotsePerson {
  name: string;
  unit: string;
  /** Deep link that opens a 1:1 Teams chat with the person. */
  chatUrl: string;
  /** Absent now; `absentUntil` when the end is known (ISO date). */
  absent: boolean;
  absentUntil?: string;
}

/** `stand-in`: every lotse of the rule is away; `primary` stands in for them. */
export type LotseSituation =
  'own-unit' | 'via-manager' | 'central' | 'self' | 'not-routable' | 'stand-in';

export interface LotseCardData {
  situation: LotseSituation;
  primary?: LotsePerson;
  others: LotsePerson[];
  central: LotsePerson[];
}

export function lotseCard(language: Language, data: LotseCardData): CardAttachment {
  const t = strings[language];
  const availability = (person: LotsePerson): string => {
    if (!person.absent) return t.lotseAvailable;
    if (!person.absentUntil) return t.lotseAbsent;
    const until = new Date(person.absentUntil).toLocaleDateString(
      language === 'de' ? 'de-DE' : 'en-GB',
      {
        timeZone: 'Europe/Berlin',
      },
    );
    return `${t.lotseAbsentUntil} ${until}`;
  };
  // Names and units come from the directory and are shown in Markdown text blocks.
  const view = (person: LotsePerson) => ({
    name: escapeMarkdown(person.name),
    unit: escapeMarkdown(person.unit),
    availability: availability(person),
    chatUrl: person.chatUrl,
  });
  const intro: Record<LotseSituation, string | undefined> = {
    'own-unit': undefined,
    'via-manager': t.lotseViaManager,
    central: t.lotseNone,
    self: t.lotseIsYou,
    'not-routable': t.lotseNotRoutable,
    'stand-in': t.lotseStandIn,
  };
  const primary = data.situation === 'not-routable' ? undefined : data.primary;
  return renderCard(template, language, {
    intro: intro[data.situation],
    primary: primary && view(primary),
    others: data.others.map(view),
    central: data.situation === 'not-routable' ? [] : data.central.map(view),
  });
}
