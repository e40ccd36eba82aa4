// Type declarations for the small NLP packages (or files of them) that ship without types.

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  /** German stop words (the stopwords-iso list). */
  export const deu: string[];
  /** English stop words (the classic short list). */
  export const eng: string[];
}

declare module '@zxcvbn-ts/language-de/dist/commonWords.json.js' {
  /** German words ranked by frequency (film subtitles), most frequent first. */
  const commonWords: string[];
  export default commonWords;
}
