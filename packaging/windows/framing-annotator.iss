; Inno Setup script: the Windows installer of the bundle built by `python packaging\build_bundle.py`.
; Build it with `iscc packaging\windows\framing-annotator.iss` (.github/workflows/bundle.yml does).
; Installs for the current user (no administrator rights), adds a Start-menu entry and makes
; double-clicking a .fannot file (project or coder package) open it in Framing Annotator.
; Not run on this project's own CI (Linux); see README "Install".

#define AppName "Framing Annotator"
#define AppVersion "0.1.0"

[Setup]
AppId={{5E0C1F5A-7B7D-4F0B-9C1E-0F3A2B6D8E41}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=framing-annotator-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\framing-annotator\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\Framing Annotator.exe"

[Registry]
Root: HKA; Subkey: "Software\Classes\.fannot"; ValueType: string; ValueName: ""; ValueData: "FramingAnnotator.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\FramingAnnotator.Project"; ValueType: string; ValueName: ""; ValueData: "Framing Annotator project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\FramingAnnotator.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\Framing Annotator.exe"",0"
Root: HKA; Subkey: "Software\Classes\FramingAnnotator.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Framing Annotator.exe"" ""%1"""
