; Fernwartung's additions to electron-builder's NSIS installer (nsis.include).
;
; Start at login is the app's own setting (Electron's login item writes a value
; under HKCU\...\Run; the first-use flow, the settings and the tray offer it), not
; an installer page: one place decides, and macOS and Linux have no installer
; step to offer it. Uninstalling removes that value, so no entry pointing at a
; deleted program stays behind. An update runs the old uninstaller too
; (isUpdated): the setting is kept then. Electron names the value after the
; app's AppUserModelId: the appId when the app sets it, else
; "electron.app.<product name>".
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "${APP_ID}"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "electron.app.${PRODUCT_NAME}"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "${APP_ID}"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "electron.app.${PRODUCT_NAME}"
  ${endIf}
!macroend
