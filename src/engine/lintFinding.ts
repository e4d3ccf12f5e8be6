/**
 * One finding of `madeto lint`: an error makes the data unusable, a warning is worth a look
 * (a dead option, an unpriced value). `path` is a JSON path inside the file named by `file`.
 */
export interface LintFinding {
  severity: 'error' | 'warning';
  /** A stable machine-readable code such as `schema`, `dead-value`, `unknown-item`. */
  code: string;
  file?: string;
  path: string;
  message: string;
}
