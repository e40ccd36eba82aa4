export { ADAPTIVE_CARD_CONTENT_TYPE, type CardAttachment } from './render';
export { strings, languageOf, type Language, type Strings } from './strings';
export { welcomeCard, type WelcomeCardData } from './welcome';
export { helpCard } from './help';
export { errorCard, type ErrorKind } from './error';
export { answerCard, type AnswerCardData, type Vote } from './answer';
export { suggestionsCard, type SuggestionsCardData } from './suggestions';
export { noAnswerCard } from './no-answer';
export { lotseCard, type LotseCardData, type LotsePerson, type LotseSituation } from './lotse';
