; Included by electron-builder's NSIS installer (electron-builder.yml → nsis.include).
; Checked by main/electron/installer-script.test.ts.
;
; Windows Defender Firewall: the till's first listen on 0.0.0.0 raises a prompt a cashier's standard
; account usually cannot approve, and the iikoWaiter plugin's terminal is then blocked. The installer
; runs elevated (per-machine install), so it adds the inbound rule itself: this program only, TCP on
; the default port 3000, private networks only. A port changed later in the settings is not covered
; (docs/desktop-app.md, first-installation checklist). The setup screen says whether the port is
; reachable from the LAN.

!define GMB_FIREWALL_RULE "GetMeBack Till (iikoWaiter)"
!define GMB_DEFAULT_PORT "3000"
;
; One till per machine: the data folder every Windows user's till uses, %ProgramData%\GetMeBack Till,
; made here (elevated) with modify rights for the local Users group (SID S-1-5-32-545, so the name's
; language does not matter), inherited by the files the till creates in it. Kept on uninstall: it is
; the till's database. The marker file in resources\ tells the app it is this per-machine install
; (main/electron/machine-data-folder.ts), in whatever folder the manager chose.
!define GMB_DATA_FOLDER "GetMeBack Till"
!define GMB_PER_MACHINE_MARKER "per-machine-install"
!define GMB_USERS_SID "*S-1-5-32-545"

!macro customInstall
  ; Delete first: an upgrade or a repair must not leave two rules behind.
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GMB_FIREWALL_RULE}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${GMB_FIREWALL_RULE}" dir=in action=allow program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" protocol=TCP localport=${GMB_DEFAULT_PORT} profile=private,domain enable=yes'
  Pop $0

  ; The machine's data folder, writable by every user of the till ((OI)(CI): files and subfolders too).
  Push $1
  ExpandEnvStrings $1 "%PROGRAMDATA%"
  CreateDirectory "$1\${GMB_DATA_FOLDER}"
  nsExec::ExecToLog 'icacls "$1\${GMB_DATA_FOLDER}" /grant ${GMB_USERS_SID}:(OI)(CI)M'
  Pop $0
  Pop $1

  ; The per-machine marker (removed with $INSTDIR on uninstall).
  FileOpen $0 "$INSTDIR\resources\${GMB_PER_MACHINE_MARKER}" w
  FileWrite $0 "GetMeBack Till: installed for every user of this computer"
  FileClose $0
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GMB_FIREWALL_RULE}"'
  Pop $0
!macroend
