/**
 * General announcements in Teams: an organiser composes one, previews it, sends it now or at
 * a time (a second organiser approves large ones), watches the report that updates in place,
 * edits or recalls it and downloads the report. Recipients answer "Gelesen".
 */
export { approveAnnouncement, declineAnnouncement, requestPendingApprovals } from './approval';
export { reportSubmitted } from './submitted';
export {
  composeAnnouncement,
  discardAnnouncement,
  previewAnnouncement,
  sendAnnouncement,
} from './compose';
export { editAnnouncement, updateAnnouncement } from './edit';
export { acknowledgeAnnouncement } from './read';
export {
  downloadAnnouncementReport,
  recallAnnouncement,
  refreshReportCards,
  showAnnouncementReport,
} from './report';
