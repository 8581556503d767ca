import type {
  BaseWindow,
  Dialog,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';

/** Native file dialogs, modal to the calling window when it still exists. */
export interface FileDialogs {
  open(parent: BaseWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  save(parent: BaseWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>): FileDialogs {
  return {
    open: (parent, options) =>
      parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options),
    save: (parent, options) =>
      parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options),
  };
}
