; The Windows installer (makensis runs on Linux: packaging/release.sh calls it with
; -DVERSION=1.2.3 -DVIVERSION=1.2.3.0 -DSRC=folder-with-the-files -DOUTFILE=path).
; It installs for all users under Program Files, adds a Start-menu entry, opens .dossier
; files with Dossier (file association: double-click, "Open with"), and registers an
; uninstaller in Settings ▸ Apps. The projects and backups in the user's AppData are the
; user's: the uninstaller leaves them.
; A 64-bit installer: Dossier is x64 only, and wine64 (the smoke test) runs no 32-bit program.
Target amd64-unicode
!include "MUI2.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define APPNAME "Dossier"
!define PROGID "Dossier.Project"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\io.github.dossier_app.dossier"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

VIProductVersion "${VIVERSION}"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "CompanyName" "The Dossier authors"
VIAddVersionKey "LegalCopyright" "Copyright 2026 The Dossier authors. Apache License 2.0."

!define MUI_ICON "${SRC}\dossier.ico"
!define MUI_UNICON "${SRC}\dossier.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\dossier.exe"
!insertmacro MUI_PAGE_LICENSE "${SRC}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ; Said before anything is copied: the Go runtime Dossier is built with needs Windows 10.
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "Dossier needs Windows 10 or newer." /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "Dossier needs 64-bit Windows (x64)." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all ; the Start-menu entry is every user's, as the install is
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Dossier"
  SetOutPath "$INSTDIR"
  File "${SRC}\dossier.exe"
  File "${SRC}\dossier-cli.exe"
  File "${SRC}\LICENSE.txt"
  File "${SRC}\NOTICE.txt"
  File /r "${SRC}\licenses"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\dossier.exe"

  ; .dossier files open with Dossier: the window gets the file as its one argument.
  WriteRegStr HKLM "Software\Classes\.dossier" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Dossier project"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\dossier.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\dossier.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\dossier.exe\SupportedTypes" ".dossier" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED

  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "The Dossier authors"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\dossier.exe,0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "URLInfoAbout" "https://github.com/dossier-app/dossier"
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\dossier.exe"
  Delete "$INSTDIR\dossier-cli.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\NOTICE.txt"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"

  ; The .dossier association is removed only while it is still Dossier's own.
  ReadRegStr $0 HKLM "Software\Classes\.dossier" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKLM "Software\Classes\.dossier"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\dossier.exe"
  DeleteRegKey HKLM "${UNINSTKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
