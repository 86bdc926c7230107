; NSIS additions for electron-builder (nsis.include in electron-builder.yml).
; The uninstaller keeps the school's data (the database, backups list, logs, in %APPDATA%) unless the person
; removing the app says otherwise. Never asked on an update (the old version is removed silently) nor in a
; silent uninstall, where the answer is No; `Uninstall.exe --delete-app-data` still removes it for scripts.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Also delete this computer's school data (students, lessons, backups list and logs)?$\r$\n$\r$\nChoose No to keep it: reinstalling the app will find it again. Backups in your backup folder are never deleted." /SD IDNO IDNO odsm_keep_data
      SetShellVarContext current
      RMDir /r "$APPDATA\${APP_FILENAME}"
      !ifdef APP_PRODUCT_FILENAME
        RMDir /r "$APPDATA\${APP_PRODUCT_FILENAME}"
      !endif
      !ifdef APP_PACKAGE_NAME
        RMDir /r "$APPDATA\${APP_PACKAGE_NAME}"
      !endif
      ${if} $installMode == "all"
        SetShellVarContext all
      ${endif}
    odsm_keep_data:
  ${endIf}
!macroend
