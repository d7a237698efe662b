// LicenseFlow in the Camunda webapps: a link from the header to the LicenseFlow console (same login), and signing out of Entra ID.
const link = document.createElement('a');
link.href = '/console/';
link.textContent = 'LicenseFlow console';
link.className = 'licenseflow-console-link';

// The link goes first in the header's menu (before the user's name), as one of its items, so it never covers the
// app's own items whatever their width. The header is drawn after this script runs, and again on some pages: the
// link is put back whenever it is missing.
function place() {
  const menu = document.querySelector('nav.cam-nav.app-menu > ul');
  if (!menu || menu.querySelector('.licenseflow-console-link')) {
    return;
  }
  const item = document.createElement('li');
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

function watch() {
  place();
  new MutationObserver(place).observe(document.body, {childList: true, subtree: true});
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', watch);
} else {
  watch();
}

// With Entra ID sign-in, "Log out" must end the Entra ID session as well, or the next page signs the user straight
// back in. LicenseFlow answers the webapp's logout request with where to go for that (a redirect a script's request
// cannot follow to another site); the page goes there. Without Entra ID no answer carries it and nothing changes.
const SIGN_OUT = 'X-LicenseFlow-Sign-Out';

function signOutIfAsked(location) {
  if (location) {
    window.location.assign(location);
  }
}

const originalFetch = window.fetch;
window.fetch = function (...args) {
  return originalFetch.apply(this, args).then((response) => {
    signOutIfAsked(response.headers.get(SIGN_OUT));
    return response;
  });
};

const originalSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...args) {
  this.addEventListener('load', () => signOutIfAsked(this.getResponseHeader(SIGN_OUT)));
  return originalSend.apply(this, args);
};

export default [];
