/**
 * `safetake`: the command-line face of the same services the app uses. Runs on plain Node, no Electron.
 * Each subcommand is one entry in COMMANDS; exit codes: 0 ok, 1 the work found a problem or failed, 2 usage.
 */
import { type MessageId, formattingLocale, localesFromEnvironment, pickLanguage, setLanguage, t } from '../core/i18n/i18n.std';
import { isUserError } from '../core/shared/errors.std';
import { appVersion } from '../services/app/ipcHandlers.node';
import { fileInPlaceOfDataDir, resolveDataDir } from '../services/app/dataDir.node';
import { SettingsStore } from '../services/app/settings.node';
import { closeExiftool } from '../services/media/exiftool.node';
import { logCommand } from './commands/log.node';
import { auditCommand, sanitizeCommand } from './commands/sanitize.node';
import { scanCommand } from './commands/scan.node';
import { termsCommand } from './commands/terms.node';
import { UsageError, printable } from './usage.std';

/** How long the command may take to end on its own once its work is done. */
const EXIT_GRACE_MS = 5000;

type Command = {
  usage: string;
  run: (args: string[]) => Promise<number>;
};

const COMMANDS = {
  sanitize: { usage: 'sanitize <files|folders>... -o <dir> [options]', run: sanitizeCommand },
  audit: { usage: 'audit <file>... [--json]', run: auditCommand },
  scan: { usage: 'scan <photos|videos|folders>... [--every <s>] [--json]', run: scanCommand },
  terms: { usage: 'terms <pdf|html|txt|md|screenshot>... [--json]', run: termsCommand },
  log: { usage: 'log verify | summary | export --csv <file> | repair', run: logCommand },
} satisfies Record<string, Command>;
type CommandName = keyof typeof COMMANDS;
const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The sanitize options, each with the message id of what it does. */
const SANITIZE_OPTIONS = [
  ['-o, --output <dir>', 'cli.option.output'],
  ['--format mp4|webm', 'cli.option.format'],
  ['--max-height <N>', 'cli.option.maxHeight'],
  ['--audio keep|mute|remove', 'cli.option.audio'],
  ['--blur x,y,w,h', 'cli.option.blur'],
  ['--name <template>', 'cli.option.name'],
  ['--redact all|<list>', 'cli.option.redact'],
  ['--keep-face largest|none', 'cli.option.keepFace'],
  ['--redact-style blur|fill|pixelate', 'cli.option.redactStyle'],
  ['--json', 'cli.option.json'],
] as const satisfies ReadonlyArray<readonly [string, MessageId]>;

function helpText(): string {
  const lines = [
    t('cli.help.tagline', { version: appVersion }),
    '',
    t('cli.help.usage', { usage: 'safetake <command> [options]' }),
    '',
    t('cli.help.commands'),
    ...(Object.keys(COMMANDS) as CommandName[]).map((name) => `  ${COMMANDS[name].usage.padEnd(44)} ${t(`cli.command.${name}`)}`),
    '',
    t('cli.help.sanitizeOptions'),
    ...SANITIZE_OPTIONS.map(([flags, id]) => `  ${flags.padEnd(28)} ${t(id)}`),
    '',
    t('cli.help.options'),
    `  -h, --help      ${t('cli.option.help')}`,
    `  -v, --version   ${t('cli.option.version')}`,
    '',
    t('cli.help.dataFolder'),
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // The language chosen in the app's Settings; else, as command-line tools do, LANGUAGE, LC_ALL, LC_MESSAGES or LANG.
  const locales = localesFromEnvironment(process.env);
  const dataDir = resolveDataDir();
  const dataDirIsFile = fileInPlaceOfDataDir(dataDir);
  const chosen = dataDirIsFile ? undefined : (await new SettingsStore(dataDir).read()).language;
  const language = chosen && chosen !== 'system' ? chosen : pickLanguage(locales);
  setLanguage(language, formattingLocale(language, locales));
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${appVersion}\n`);
    return 0;
  }
  const command = isCommand(first) ? COMMANDS[first] : undefined;
  if (!command) {
    process.stderr.write(`safetake: ${t('cli.unknownCommand', { command: first })}\n`);
    return 2;
  }
  if (dataDirIsFile) {
    process.stderr.write(`safetake: ${t('cli.dataDirIsFile', { dir: dataDir })}\n`);
    return 1;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`safetake ${first}: ${(error as Error).message}\n${t('cli.seeHelp')}\n`);
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

// Everything printed goes out with its control characters shown as escapes (printable): names and tag values
// come from the files themselves. JSON already escapes them; stderr keeps the progress line's carriage return.
for (const [stream, returns] of [[process.stdout, false], [process.stderr, true]] as const) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? printable(chunk, { returns }) : chunk, ...rest)) as typeof stream.write;
}

// A reader that stops early (`safetake audit … | head`) closes the pipe: the rest of the output is not
// wanted, and the work still ends as it would, with its own exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

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
