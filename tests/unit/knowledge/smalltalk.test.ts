import { detectSmallTalk } from '../../../services/knowledge';

describe('small talk', () => {
  it.each([
    ['Hallo', 'greeting'],
    ['Guten Morgen!', 'greeting'],
    ['Hi there!', 'greeting'],
    ['Hallo Bot', 'greeting'],
    ['danke!', 'thanks'],
    ['Vielen Dank, das hat geholfen!', 'thanks'],
    ['thank you', 'thanks'],
    ['Wie geht es dir?', 'wellbeing'],
    ["wie geht's", 'wellbeing'],
    ['how are you?', 'wellbeing'],
    ['Tschüss und schönes Wochenende', 'goodbye'],
    ['bye', 'goodbye'],
  ])('recognises "%s" as %s', (message, kind) => {
    expect(detectSmallTalk(message)).toBe(kind);
  });

  it.each([
    'Hallo, wie ändere ich mein Passwort?',
    'Danke, aber wie richte ich das VPN ein?',
    'Wie geht das mit der Abwesenheitsnotiz?',
    'Drucker',
  ])('leaves a real question alone: "%s"', (message) => {
    expect(detectSmallTalk(message)).toBeUndefined();
  });
});
