export default {
  // LicenseFlow: the link to its console in the header, and signing out of Entra ID with "Log out"
  // (Tasklist's script, one copy for every app).
  customScripts: ['../tasklist/scripts/licenseflow-console']
};
