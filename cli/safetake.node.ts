/**
 * `safetake`: the command-line face of the same services the app uses. Runs on plain Node, no Electron.
 * Each subcommand is one entry in COMMANDS; exit codes: 0 ok, 1 the work found a problem or failed, 2 usage.
 */
import { appVersion } from '../services/appServices.node';
import { closeExiftool } from '../services/exiftool.node';

type Command = {
  summary: string;
  usage: string;
  run: (args: string[]) => Promise<number>;
};

const COMMANDS: Record<string, Command> = {};

function helpText(): string {
  const lines = [
    `SafeTake ${appVersion}: film yourself for AI-training platforms without giving away your home, identity or time.`,
    '',
    'Usage: safetake <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(44)} ${command.summary}`),
    '',
    'Options:',
    '  -h, --help      show this help',
    '  -v, --version   print the version',
    '',
    'Data folder: SAFETAKE_DATA_DIR, else the same folder the app uses. Nothing is ever sent over a network.',
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${appVersion}\n`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    process.stderr.write(`safetake: unknown command "${first}". Run "safetake --help" for the list.\n`);
    return 2;
  }
  try {
    return await command.run(rest);
  } finally {
    await closeExiftool();
  }
}

void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`safetake: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
