/** The service worker: the toolbar button opens the side panel; a fresh install opens Options. */
chrome.sidePanel
  .setPanelBehavior({ openPanelOnActionClick: true })
  .catch((e: Error) => console.error('Candor: side panel behaviour', e));

chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === chrome.runtime.OnInstalledReason.INSTALL) void chrome.runtime.openOptionsPage();
});
