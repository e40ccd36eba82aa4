import { strings, type Language } from '../cards';
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
