import { parseWaiterArgs, USAGE, UsageError } from './waiter/args.js';
import { WaiterClient } from './waiter/client.js';
import { runCommand } from './waiter/commands.js';

/**
 * `npm run waiter -- <command>`: plays the iikoWaiter app against a running till and prints what
 * the waiter would see. See USAGE in ./waiter/args.ts.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseWaiterArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const client = new WaiterClient(args.url, args.pin);
  try {
    return await runCommand(args.command, client, (line) => console.log(line));
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    console.error(`GetMeBack Till не отвечает по адресу ${args.url}${cause ? ` (${cause})` : ''}: запущен ли он? (--url)`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
