import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/privacy.json';

export type PrivacyCardState = 'overview' | 'exported' | 'confirm' | 'erased';

export interface PrivacyCardData {
  state: PrivacyCardState;
  /** Records per source: what is stored (overview) or what was erased (erased). */
  stored: Array<{ name: string; count: number }>;
  /** The download link of an export, and until when it works (ISO). */
  url?: string;
  expiresAt?: string;
}

export function privacyCard(language: Language, data: PrivacyCardData): CardAttachment {
  const t = strings[language];
  const intro: Record<PrivacyCardState, string> = {
    overview: t.privacyOverview,
    exported: t.privacyExported,
    confirm: t.privacyConfirm,
    erased: t.privacyErased,
  };
  const time = data.expiresAt
    ? new Date(data.expiresAt).toLocaleTimeString(language === 'de' ? 'de-DE' : 'en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      })
    : undefined;
  return renderCard(template, language, {
    state: data.state,
    intro: intro[data.state],
    stored: data.stored.map((source) => ({ name: source.name, countText: String(source.count) })),
    url: data.url,
    expires: time && `${t.privacyValidUntil} ${time}`,
  });
}
