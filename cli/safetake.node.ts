/**
 * `safetake`: the command-line face of the same services the app uses. Runs on plain Node, no Electron.
 * Each subcommand is one entry in COMMANDS; exit codes: 0 ok, 1 the work found a problem or failed, 2 usage.
 */
import { isUserError } from '../core/shared/errors.std';
import { appVersion } from '../services/app/ipcHandlers.node';
import { closeExiftool } from '../services/media/exiftool.node';
import { logCommand } from './commands/log.node';
import { auditCommand, sanitizeCommand } from './commands/sanitize.node';
import { scanCommand } from './commands/scan.node';
import { termsCommand } from './commands/terms.node';
import { UsageError } from './usage.std';

/** How long the command may take to end on its own once its work is done. */
const EXIT_GRACE_MS = 5000;

type Command = {
  summary: string;
  usage: string;
  run: (args: string[]) => Promise<number>;
};

const COMMANDS: Record<string, Command> = {
  sanitize: {
    usage: 'sanitize <files|folders>... -o <dir> [options]',
    summary: 'make verified clean copies (no metadata, re-encoded)',
    run: sanitizeCommand,
  },
  audit: {
    usage: 'audit <file>... [--json]',
    summary: 'list identifying metadata; exit 1 if any is found',
    run: auditCommand,
  },
  scan: {
    usage: 'scan <photos|videos|folders>... [--every <s>] [--json]',
    summary: 'find what gives your home or identity away; exit 1 if any',
    run: scanCommand,
  },
  terms: {
    usage: 'terms <pdf|html|txt|md|screenshot>... [--json]',
    summary: "read a platform's terms for red flags; exit 1 if any",
    run: termsCommand,
  },
  log: {
    usage: 'log verify | summary | export --csv <file> | repair',
    summary: 'check the session log, hours and rates per platform, CSV',
    run: logCommand,
  },
};

const SANITIZE_OPTIONS_HELP = [
  'Sanitize options:',
  '  -o, --output <dir>           folder for the clean copies (required)',
  '  --format mp4|webm            MP4 (H.264 + AAC, default) or WebM (VP9 + Opus)',
  '  --max-height <N>             cap the short side, e.g. 1080 or 720',
  '  --audio keep|mute|remove     keep the sound (default), replace it with silence, or drop it',
  '  --blur x,y,w,h               blur a region (source pixels); repeat for more',
  '  --name <template>            file name template, default clip-{n}; {name} reuses the original name',
  '  --redact all|<list>          find and hide, tracked through the clip: all, or a comma list of',
  '                               faces,photos,documents,screens,people; the copy is checked again after',
  '  --keep-face largest|none     with --redact: keep the largest face (yours) visible',
  '  --redact-style blur|fill|pixelate  how hidden areas look (default blur; pixelate keeps the most)',
  '  --json                       print per input the copy, what was hidden and the self-check as JSON',
];

function helpText(): string {
  const lines = [
    `SafeTake ${appVersion}: film yourself for AI-training platforms without giving away your home, identity or time.`,
    '',
    'Usage: safetake <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(44)} ${command.summary}`),
    '',
    ...SANITIZE_OPTIONS_HELP,
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
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`safetake ${first}: ${(error as Error).message}\nRun "safetake --help" for usage.\n`);
      return 2;
    }
    if (isUserError(error)) {
      process.stderr.write(`safetake ${first}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await closeExiftool();
  }
}

/**
 * Under the launcher (bin/safetake.cjs), the worker leads a process group of its own with everything it
 * started: if the launcher dies (even by SIGKILL) the IPC channel closes, and the worker kills that group,
 * itself included, instead of leaving ffmpeg to run on. Partial copies left behind are removed by the next run
 * in that folder (services/sanitize/publish.node.ts).
 */
if (process.env.SAFETAKE_SUPERVISED && process.connected) {
  // The channel only watches the launcher: it must not keep the worker alive once its work is done.
  process.channel?.unref();
  process.on('disconnect', () => {
    if (process.platform === 'win32') {
      // No process groups: cancel as for a stop signal (the work removes its partial copy), then go.
      process.emit('SIGTERM' as 'disconnect');
      setTimeout(() => process.exit(1), EXIT_GRACE_MS).unref();
      return;
    }
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(1);
    }
  });
}

void main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`safetake: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  )
  // The work is done: a handle something left open (a helper process that would not close) must not keep
  // the command, and its launcher, waiting.
  .finally(() => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref());
