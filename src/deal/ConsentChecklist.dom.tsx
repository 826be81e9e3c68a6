/** The consent questions with the worker's answers, and one message asking the platform every open one. */
import { useId, useState } from 'react';
import type { DealView } from '../../core/ipc/contract.std';
import { api, call } from '../app/api.dom';

type Question = DealView['questions'][number];
type Act = (change: () => Promise<unknown>) => Promise<boolean>;

const ANSWER_WORDS = { yes: 'Yes', no: 'No', unclear: 'Not clearly' } as const;

export function ConsentChecklist({ platform, questions, message, act }: { platform: string; questions: Question[]; message?: string; act: Act }) {
  const [copied, setCopied] = useState<string>();
  const open = questions.filter((question) => !question.record || question.record.answer === 'unclear').length;
  const messageId = useId();
  return (
    <section aria-labelledby="consent-heading" className="card">
      <h4 id="consent-heading">Consent questions</h4>
      <p role="status">{open === 0 ? 'Every question has a clear answer.' : `${open} of ${questions.length} questions have no clear answer yet.`}</p>
      <ol className="consent-list">
        {questions.map((question) => (
          <ConsentItem key={`${platform}-${question.id}`} platform={platform} question={question} act={act} />
        ))}
      </ol>
      {message && (
        <div className="ask-platform">
          <label htmlFor={messageId}>Ask the platform: a message with the open questions, to paste into its support channel</label>
          <textarea id={messageId} readOnly rows={Math.min(16, message.split('\n').length + 1)} value={message} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(message).then(
                () => setCopied('Copied. Paste it into the platform’s support form or email.'),
                () => setCopied('Copying was not allowed here: select the message and copy it with Ctrl+C (⌘C on a Mac).'),
              )
            }
          >
            Copy the message
          </button>
          {copied && <span role="status"> {copied}</span>}
        </div>
      )}
    </section>
  );
}

function ConsentItem({ platform, question, act }: { platform: string; question: Question; act: Act }) {
  const [answer, setAnswer] = useState<'' | 'yes' | 'no' | 'unclear'>(question.record?.answer ?? '');
  const [words, setWords] = useState(question.record?.platformWords ?? '');
  const ids = { answer: useId(), words: useId() };
  const status = question.record
    ? `${ANSWER_WORDS[question.record.answer]}, answered ${question.record.answeredOn}${question.record.reply ? `; their reply kept: ${question.record.reply.name} (SHA-256 ${question.record.reply.sha256.slice(0, 12)}…)` : ''}`
    : 'Not answered yet';
  const save = (attachReply: boolean) =>
    act(() => call(api['deal:answer']({ platform, question: question.id, answer: answer as 'yes' | 'no' | 'unclear', ...(words.trim() ? { platformWords: words.trim() } : {}), ...(attachReply ? { attachReply } : {}) })));
  return (
    <li className="consent-item">
      <form
        aria-label={question.check}
        onSubmit={(event) => {
          event.preventDefault();
          if (answer === '') return;
          void save(false);
        }}
      >
        <p className="question">
          {question.check}
          {question.raised && <span className="badge badge-warn">raised by the terms</span>}
        </p>
        <p className="hint">{status}</p>
        <div className="field">
          <label htmlFor={ids.answer}>The platform’s answer</label>
          <select id={ids.answer} value={answer} onChange={(e) => setAnswer(e.target.value as typeof answer)}>
            <option value="">Not answered yet</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
            <option value="unclear">Not clearly</option>
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={ids.words}>Its own words (optional)</label>
          <textarea id={ids.words} rows={2} maxLength={5000} value={words} onChange={(e) => setWords(e.target.value)} />
        </div>
        <button type="submit" disabled={answer === ''}>
          Save answer
        </button>
        <button type="button" disabled={answer === ''} onClick={() => void save(true)}>
          Save with their reply attached…
        </button>
      </form>
    </li>
  );
}
