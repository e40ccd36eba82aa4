import { languageOf, strings, type Language } from '../cards';
import type { UserIdentity } from '../services/users';
import type { DialogServices } from './services';
import { sendText, type Turn } from './turn';

const explicit: Array<[RegExp, Language]> = [
  [/\b(englisch|english|en)\b/, 'en'],
  [/\b(deutsch|german|de)\b/, 'de'],
];

/** "sprache" toggles; "sprache englisch" or "language german" chooses. */
export async function switchLanguage(turn: Turn, services: DialogServices): Promise<void> {
  const text = turn.text.toLowerCase();
  const chosen = explicit.find(([pattern]) => pattern.test(text))?.[1];
  const language: Language = chosen ?? (turn.language === 'de' ? 'en' : 'de');
  await services.profiles.setLanguage(turn.identity, language);
  await sendText(turn, strings[language].languageSwitched);
}

/**
 * The language to answer in: the user's own choice ("sprache"), else their language in the
 * directory (Graph `preferredLanguage`), else the Teams client's locale.
 */
export async function languageFor(
  identity: UserIdentity,
  locale: string | undefined,
  services: DialogServices,
): Promise<Language> {
  const profile = await services.profiles.get(identity);
  if (profile?.language) return profile.language;
  const directoryLanguage = identity.aadObjectId
    ? await services.directory.findUser(identity.aadObjectId).then(
        (user) => user?.preferredLanguage ?? undefined,
        () => undefined, // a degraded directory must not stop the turn
      )
    : undefined;
  return languageOf(directoryLanguage ?? locale);
}
