/* global AdaptiveCards */
// Runs inside the gallery page (added with page.addScriptTag after the adaptivecards and
// markdown-it bundles): renders one card with the official renderer into a frame as wide
// as a card in a Teams chat and reports every element that does not fit.
'use strict';

window.renderGalleryCard = function renderGalleryCard(id, card, hostConfig) {
  const frame = document.createElement('div');
  frame.className = 'card-frame';
  frame.id = id;
  frame.lang = card.lang || '';
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  adaptiveCard.parse(card);
  const root = adaptiveCard.render();
  if (!root) return ['the renderer produced nothing'];
  frame.appendChild(root);
  document.getElementById('cards').appendChild(frame);
  return tooWide(root);
};

/**
 * Elements whose content is wider than their box (clipped or spilling out) or that reach
 * past the card's edge. Only the innermost of nested offenders is named.
 */
function tooWide(root) {
  const edge = root.getBoundingClientRect();
  const offenders = [root, ...root.querySelectorAll('*')].filter((element) => {
    const box = element.getBoundingClientRect();
    // A text input scrolls its value by design; only its box has to fit.
    const scrolls = element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
    const overflows =
      !scrolls && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;
    const outside = box.width > 0 && (box.right > edge.right + 1 || box.left < edge.left - 1);
    return overflows || outside;
  });
  return offenders
    .filter((element) => !offenders.some((other) => other !== element && element.contains(other)))
    .map(describe);
}

function describe(element) {
  let named = element;
  while (named.parentElement && ![...named.classList].some((c) => c.startsWith('ac-'))) {
    named = named.parentElement;
  }
  const kind = [...named.classList].find((c) => c.startsWith('ac-')) || element.tagName;
  const text = (element.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `${kind} "${text}" is ${element.scrollWidth}px wide in a ${element.clientWidth}px box`;
}
