/** One-time download links behind the buttons of cards. */
export { DOWNLOADS_CONTAINER, OneTimeLinks, type DownloadPurpose } from './one-time-links';
