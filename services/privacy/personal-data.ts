/**
 * DSGVO: every capability that keeps personal data registers a source that can list,
 * export and erase one person's data. The privacy dialog asks all of them.
 */
export interface DataSubject {
  /** The profile id (`aad:<objectId>` or `teams:<id>`), the key most records use. */
  profileId: string;
  aadObjectId?: string;
  teamsUserId: string;
}

export interface PersonalDataSource {
  /** German name shown to the user, e.g. "Fragen an den Bot". */
  name: string;
  /** The person's records in this source, as plain JSON (for the export). */
  export(subject: DataSubject): Promise<unknown[]>;
  /** Removes or anonymises the person's records; returns how many were affected. */
  erase(subject: DataSubject): Promise<number>;
}
