// What the shell around the backend offers. Electron provides native
// dialogs; the headless host (a browser tab) does not.
export interface NativeDialogs {
  openFile(options: { title?: string }): Promise<string | null>;
}

export interface ShellInfo {
  kind: 'electron' | 'browser';
  version: string;
  dialogs?: NativeDialogs;
}
