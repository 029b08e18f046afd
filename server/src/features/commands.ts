/** The server's own commands (run through workspace/executeCommand), named once for the server and the client. */

/** Records "ignore this problem here" in .govreportrc.json: arguments `[{ uri, rule, at }]`, answers `{ file }`. */
export const IGNORE_COMMAND = 'govReport.ignoreProblem';
