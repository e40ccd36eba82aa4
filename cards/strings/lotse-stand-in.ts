/** "Wer ist mein Digitallotse?" while every lotse of the asker's own unit is away. */
export const de = {
  lotseStandIn: 'Ihre Lotsin bzw. Ihr Lotse ist gerade abwesend. In der Zeit hilft Ihnen:',
};

export const en: typeof de = {
  lotseStandIn: 'Your lotse is away at the moment. In the meantime, your contact is:',
};
