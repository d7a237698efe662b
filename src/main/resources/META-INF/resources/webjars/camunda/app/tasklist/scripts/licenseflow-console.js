// LicenseFlow: a link from the Camunda webapp's header to the LicenseFlow console (same login).
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

export default [];
