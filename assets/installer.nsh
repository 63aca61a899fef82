; Included by electron-builder's NSIS installer (electron-builder.yml → nsis.include).
; Checked by main/electron/installer-script.test.ts.
;
; Windows Defender Firewall: the till's first listen on 0.0.0.0 raises a prompt a cashier's standard
; account usually cannot approve, and the iikoWaiter plugin's terminal is then blocked. The installer
; runs elevated (per-machine install), so it adds the inbound rule itself: this program only, TCP on
; the default port 3000, private networks only. A port changed later in the settings is not covered
; (docs/desktop-app.md, first-installation checklist).

!define GMB_FIREWALL_RULE "GetMeBack Till (iikoWaiter)"
!define GMB_DEFAULT_PORT "3000"

!macro customInstall
  ; Delete first: an upgrade or a repair must not leave two rules behind.
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GMB_FIREWALL_RULE}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${GMB_FIREWALL_RULE}" dir=in action=allow program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" protocol=TCP localport=${GMB_DEFAULT_PORT} profile=private enable=yes'
  Pop $0
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GMB_FIREWALL_RULE}"'
  Pop $0
!macroend
