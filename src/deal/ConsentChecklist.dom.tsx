/** The consent questions with the worker's answers, and one message asking the platform every open one. */
import { formatDay } from '../../core/i18n/i18n.std';
import { useId, useState } from 'react';
import type { DealView } from '../../core/ipc/contract.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';

type Question = DealView['questions'][number];
type Act = (change: () => Promise<unknown>) => Promise<boolean>;

export function ConsentChecklist({ platform, questions, message, act }: { platform: string; questions: Question[]; message?: string; act: Act }) {
  const t = useT();
  const [copied, setCopied] = useState<string>();
  const open = questions.filter((question) => !question.record || question.record.answer === 'unclear').length;
  const messageId = useId();
  return (
    <section aria-labelledby="consent-heading" className="card">
      <h4 id="consent-heading">{t('deal.consent.heading')}</h4>
      <p role="status">{t('deal.consent.open', { open, total: questions.length })}</p>
      <ol className="consent-list">
        {questions.map((question) => (
          <ConsentItem key={`${platform}-${question.id}`} platform={platform} question={question} act={act} />
        ))}
      </ol>
      {message && (
        <div className="ask-platform">
          <label htmlFor={messageId}>{t('deal.consent.askLabel')}</label>
          <textarea id={messageId} readOnly rows={Math.min(16, message.split('\n').length + 1)} value={message} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(message).then(
                () => setCopied(t('deal.consent.copied')),
                () => setCopied(t('deal.consent.copyRefused')),
              )
            }
          >
            {t('deal.consent.copy')}
          </button>
          {copied && <span role="status"> {copied}</span>}
        </div>
      )}
    </section>
  );
}

function ConsentItem({ platform, question, act }: { platform: string; question: Question; act: Act }) {
  const t = useT();
  const [answer, setAnswer] = useState<'' | 'yes' | 'no' | 'unclear'>(question.record?.answer ?? '');
  const [words, setWords] = useState(question.record?.platformWords ?? '');
  const ids = { answer: useId(), words: useId() };
  const record = question.record;
  const status = !record
    ? t('deal.consent.notAnswered')
    : record.reply
      ? t('deal.consent.answeredWithReply', { answer: t(`deal.consent.answer.${record.answer}`), date: formatDay(record.answeredOn), file: record.reply.name, hash: record.reply.sha256.slice(0, 12) })
      : t('deal.consent.answered', { answer: t(`deal.consent.answer.${record.answer}`), date: formatDay(record.answeredOn) });
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
          {question.raised && <span className="badge badge-warn">{t('deal.consent.raised')}</span>}
        </p>
        <p className="hint">{status}</p>
        <div className="field">
          <label htmlFor={ids.answer}>{t('deal.consent.answerLabel')}</label>
          <select id={ids.answer} value={answer} onChange={(e) => setAnswer(e.target.value as typeof answer)}>
            <option value="">{t('deal.consent.notAnswered')}</option>
            <option value="yes">{t('deal.consent.answer.yes')}</option>
            <option value="no">{t('deal.consent.answer.no')}</option>
            <option value="unclear">{t('deal.consent.answer.unclear')}</option>
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={ids.words}>{t('deal.consent.wordsLabel')}</label>
          <textarea id={ids.words} rows={2} maxLength={5000} value={words} onChange={(e) => setWords(e.target.value)} />
        </div>
        <button type="submit" disabled={answer === ''}>
          {t('deal.consent.save')}
        </button>
        <button type="button" disabled={answer === ''} onClick={() => void save(true)}>
          {t('deal.consent.saveWithReply')}
        </button>
      </form>
    </li>
  );
}
