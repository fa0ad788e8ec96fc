// A failed action: the sentence from describeError and, when the API itemised the problem, each item.
import { useTranslation } from 'react-i18next';
import { describeError, errorDetailLines, type StatusMessages } from '@/lib/errors';
import { Banner } from './banner';

export function ErrorBanner({
  error,
  overrides,
  title,
}: {
  error: unknown;
  overrides?: StatusMessages;
  title?: string;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines = errorDetailLines(error);
  return (
    <Banner tone="danger" title={title}>
      <p>{describeError(t, error, overrides)}</p>
      {lines.length > 0 && (
        <ul className="fl-error-details">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </Banner>
  );
}
