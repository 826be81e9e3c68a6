/**
 * A detector thread (frameLooks.node.ts): loads the models of one family once, then answers looks (and hides
 * the boxes of the encode pass's frames) one at a time, in the order they come. It reads only the frames it is
 * sent and the model files a detector reads; it opens no other file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { NO_PARTS, NodeDetector } from '../corner/detector.node';
import { RISK_SOURCES } from '../../core/corner/risks.std';
import { isUserError, messageOf } from '../../core/shared/errors.std';
import { setLanguage } from '../../core/i18n/i18n.std';
import { WRITING_THREADS } from '../../core/corner/writingModel.std';
import { type LaneData, type LaneMessage, type LaneRequest, answerHide, answerLook } from './frameLooks.node';

const port = parentPort!;
const { family, language, locale } = workerData as LaneData;
setLanguage(language, locale);
const say = (message: LaneMessage) => port.postMessage(message);
const failed = (error: unknown, id?: number): LaneMessage => ({
  kind: 'failed',
  ...(id === undefined ? {} : { id }),
  message: messageOf(error),
  ...(isUserError(error) ? { userCode: error.code } : { stack: error instanceof Error ? error.stack : undefined }),
});

NodeDetector.open({ families: [family], writingThreads: WRITING_THREADS.redaction }).then(
  (detector) => {
    // Human and tfjs are not made for two looks at once: each waits for the one before, and a look that
    // could not be answered is still answered with why.
    let previous: Promise<unknown> = Promise.resolve();
    port.on('message', (message: LaneRequest) => {
      const { id } = message;
      previous = previous
        .then(async (): Promise<LaneMessage> => ('hide' in message ? { kind: 'hidden', id, answer: answerHide(message.hide) } : { kind: 'answer', id, answer: await answerLook(detector, message.request) }))
        .then(
          (answer) => (answer.kind === 'hidden' ? port.postMessage(answer, [answer.answer.data.buffer as ArrayBuffer]) : say(answer)),
          (error: unknown) => say(failed(error, id)),
        )
        .catch((error: unknown) => say(failed(error, id)));
    });
    say({ kind: 'ready', parts: RISK_SOURCES.filter((part) => detector.looksFor({ ...NO_PARTS, [part]: true })) });
  },
  (error: unknown) => say(failed(error)),
);
