# AppArmor profile of the deb package (electron-builder.yml → deb.appArmorProfile; ${...} filled in by
# electron-builder, installed into /etc/apparmor.d by the package's after-install script where the
# system's AppArmor accepts abi 4.0, i.e. Ubuntu 24.04 and later; 22.04 needs none).
# Ubuntu 24.04 forbids unprivileged user namespaces to programs without a profile, and Chromium's
# sandbox needs one: this lets the installed binary, and only it, create them. It confines nothing else
# (unconfined), as Ubuntu's own profiles for browsers do. Checked by main/electron/linux-packages.test.ts.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
