/**
 * How a command ends besides returning a result: a usage error (exit 2 with the usage text) or
 * output it printed itself. Shared by the dispatcher (./index.ts) and the commands it runs.
 */
export class UsageError extends Error {}

/** A command that printed its own stdout (one compact JSON line, say) returns this: runCommand prints nothing more. */
export class Printed {
  constructor(readonly exitCode = 0) {}
}
