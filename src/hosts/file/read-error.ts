/** A workbook that cannot be read, with a one-line Chinese/English reason. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}
