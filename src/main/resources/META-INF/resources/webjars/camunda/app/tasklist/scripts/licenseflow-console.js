// LicenseFlow in the Camunda webapps: a link from the header to the LicenseFlow console (same login), and signing out of Entra ID.
const link = document.createElement('a');
link.href = '/console/';
link.textContent = 'LicenseFlow console';
link.className = 'licenseflow-console-link';
link.setAttribute('style', 'position:fixed;top:12px;right:260px;z-index:2000;font-weight:600;');

function place() {
  if (!document.body || document.querySelector('.licenseflow-console-link')) {
    return;
  }
  document.body.appendChild(link);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', place);
} else {
  place();
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
