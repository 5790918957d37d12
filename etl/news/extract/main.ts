/**
 * Stand-alone entry for the extract command (`tsx etl/news/extract/main.ts FILE_OR_URL`), the
 * same code `etl extract` runs; used by the child-process test and handy for debugging.
 */
import { runExtractCommand } from './command.ts';

process.exitCode = await runExtractCommand(process.argv[2], {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
