; Fernwartung's additions to electron-builder's NSIS installer (nsis.include).
;
; Start at login is the app's own setting, not an installer page: the app writes
; the value "Fernwartung" under HKCU\...\Run through Electron's login item
; (src/main/electron/login-item/login-item-settings.ts, WINDOWS_RUN_VALUE_NAME),
; and its first-use flow, settings and tray offer it. One place decides, and macOS
; and Linux have no installer step to offer it. Uninstalling removes that value
; (and Windows' enabled/disabled note for it), so no entry pointing at a deleted
; program stays behind. An update runs the old uninstaller too (isUpdated): the
; setting is kept then.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "Fernwartung"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "Fernwartung"
  ${endIf}
!macroend
