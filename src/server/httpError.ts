/** The JSON body of every error answer: a stable code, a message naming the problem, details. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Shape problems with their JSON paths. */
    issues?: { path: string; message: string }[];
    /** Differences found by `verifyOrder`. */
    differences?: unknown[];
  };
}

/** An error the routes throw to answer with `status` and a JSON `ErrorBody`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Omit<ErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** The answer's body. */
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}
