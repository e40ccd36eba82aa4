/**
 * "Datenschutz": what the bot stores about me, a download of all of it, and erasure
 * (after a confirmation on the card).
 */
import { privacyCard } from '../cards';
import type { DataSubject } from '../services/privacy';
import { profileIdOf } from '../services/users';
import type { DialogServices } from './services';
import { replaceSubmittedCard, sendCard, type Turn } from './turn';

function subjectOf(turn: Turn): DataSubject {
  return {
    profileId: profileIdOf(turn.identity),
    aadObjectId: turn.identity.aadObjectId,
    teamsUserId: turn.identity.teamsUserId,
  };
}

export async function showPrivacy(turn: Turn, services: DialogServices): Promise<void> {
  const stored = await services.privacy.summary(subjectOf(turn));
  await sendCard(turn, privacyCard(turn.language, { state: 'overview', stored }));
}

export async function exportMyData(turn: Turn, services: DialogServices): Promise<void> {
  const { token, expiresAt } = await services.privacy.createExport(subjectOf(turn));
  const url = `${services.publicBaseUrl}/privacy/${token}.json`;
  await sendCard(
    turn,
    privacyCard(turn.language, {
      state: 'exported',
      stored: [],
      url,
      expiresAt: expiresAt.toISOString(),
    }),
  );
}

export async function askToErase(turn: Turn): Promise<void> {
  await sendCard(turn, privacyCard(turn.language, { state: 'confirm', stored: [] }));
}

export async function eraseMyData(turn: Turn, services: DialogServices): Promise<void> {
  const erased = await services.privacy.erase(subjectOf(turn));
  await replaceSubmittedCard(turn, privacyCard(turn.language, { state: 'erased', stored: erased }));
}
