/** Why an import file (CSV or XLSX of actuals) cannot be read, in words a user can act on. */
export class ImportRefused extends Error {
  /** `message`: one line that names the file and says what is wrong with it. */
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}
